using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace PamOperator.Simulators.Common.Secrets;

/// <summary>
/// Salted hashes for the secrets a simulator is given (account passwords, keys, passphrases): it only needs to know that
/// a secret was set or rotated, so it never keeps the value. Format
/// <c>pbkdf2-sha256$ITERATIONS$SALT$HASH</c> (base64), a fresh 16-byte salt per call: hashing the same secret twice gives
/// two different strings. Thread-safe.
/// </summary>
public static class SecretHash
{
    /// <summary>
    /// Default PBKDF2 iterations. Deliberately far below a production password store's: the values are test data in a
    /// file only its owner can read, and bulk loads hash thousands of them; the salt still defeats precomputed tables.
    /// </summary>
    public const int DefaultIterations = 10_000;

    private const string Scheme = "pbkdf2-sha256";
    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    /// <summary>A new salted hash of <paramref name="secret"/> (never the secret itself; the empty secret is a secret
    /// too).</summary>
    public static string Hash(string secret, int iterations = DefaultIterations)
    {
        ArgumentNullException.ThrowIfNull(secret);
        ArgumentOutOfRangeException.ThrowIfLessThan(iterations, 1);
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Derive(secret, salt, iterations);
        return string.Join('$', Scheme, iterations.ToString(CultureInfo.InvariantCulture), Convert.ToBase64String(salt),
            Convert.ToBase64String(hash));
    }

    /// <summary>Whether <paramref name="secret"/> is the one <paramref name="stored"/> was made from (constant-time
    /// compare). False for anything that is not a hash from <see cref="Hash"/>.</summary>
    public static bool Verify(string secret, string stored)
    {
        ArgumentNullException.ThrowIfNull(secret);
        if (!TryParse(stored, out var iterations, out var salt, out var expected))
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(Derive(secret, salt, iterations), expected);
    }

    /// <summary>Whether <paramref name="stored"/> has this type's format (used to convert old plaintext rows).</summary>
    public static bool IsHash(string? stored) => TryParse(stored, out _, out _, out _);

    private static byte[] Derive(string secret, byte[] salt, int iterations) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(secret), salt, iterations, HashAlgorithmName.SHA256, HashBytes);

    private static bool TryParse(string? stored, out int iterations, out byte[] salt, out byte[] hash)
    {
        iterations = 0;
        salt = [];
        hash = [];
        var parts = stored?.Split('$');
        if (parts is not [Scheme, var count, var saltText, var hashText]
            || !int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out iterations) || iterations < 1)
        {
            return false;
        }

        try
        {
            salt = Convert.FromBase64String(saltText);
            hash = Convert.FromBase64String(hashText);
            return salt.Length == SaltBytes && hash.Length == HashBytes;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
