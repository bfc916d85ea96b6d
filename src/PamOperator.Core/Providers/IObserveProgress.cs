using PamOperator.Core.Schema;

namespace PamOperator.Core.Providers;

/// <summary>
/// Told how far an observe has got, so that a long observe of a large PAM can show progress (the CLI's display). Holds
/// counts only: never a name, an id or a value read from the PAM. Called from the reader's threads (types are listed
/// concurrently); implementations must be cheap, thread-safe and must not throw.
/// </summary>
public interface IObserveProgress
{
    /// <summary><paramref name="count"/> more objects of <paramref name="type"/> were read (one page of a list, or one
    /// object where the API has no list bodies). The type may be one the reader lists only to name references.</summary>
    void Read(ObjectType type, int count);
}
