namespace PamOperator.Simulators.Fudo;

/// <summary>Error body shapes (the real one is an unknown of pam-apis.md section 6).</summary>
public enum FudoErrorLayout
{
    /// <summary><c>{"result":"error","message":"..."}</c> (default).</summary>
    ResultMessage,

    /// <summary><c>{"result":"error","error":"..."}</c>.</summary>
    ResultError,

    /// <summary>The message as <c>text/plain</c>, as a proxy in front of the appliance might answer.</summary>
    PlainText,
}
