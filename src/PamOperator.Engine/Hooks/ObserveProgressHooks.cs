using PamOperator.Core.Providers;
using PamOperator.Core.Schema;

namespace PamOperator.Engine.Hooks;

/// <summary>Hands a reader's page counts to <see cref="IPlanHooks.ObjectsRead"/> for one PAM.</summary>
internal sealed class ObserveProgressHooks(string pam, IPlanHooks hooks) : IObserveProgress
{
    public void Read(ObjectType type, int count) => hooks.ObjectsRead(pam, type, count);
}
