using Microsoft.Extensions.Logging;

namespace PamOperator.Operator.Reconciling;

/// <summary>At start: says what a previous operator process left unfinished in its journal directory. The PAM itself
/// is reconciled by the ordinary level-based loop, which observes before it writes.</summary>
internal static class JournalRecovery
{
    public static void Report(string directory, ILogger logger)
    {
        foreach (var (file, intent) in Engine.Apply.JournalRecovery.Unfinished(directory))
        {
            logger.LogWarning("an earlier apply was interrupted before {Step} ({Key}) finished (journal {File}); "
                + "the next reconcile observes the PAM and converges", intent.Step, intent.Key, file);
        }
    }
}
