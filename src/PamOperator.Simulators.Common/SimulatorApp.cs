using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PamOperator.Simulators.Common.Credentials;
using PamOperator.Simulators.Common.Hosting;

namespace PamOperator.Simulators.Common;

/// <summary>
/// The vendor's half of a simulator, returned by its build callback: endpoints, credentials, error layout and reset.
/// The kit does everything else (listening, TLS, request log, faults, <c>/_sim</c> admin endpoints).
/// </summary>
public sealed class SimulatorApp
{
    /// <summary>Maps the vendor's endpoints (ASP.NET Core endpoint routing, case-insensitive). Called once, before
    /// start. Map them under <see cref="SimulatorHostOptions.ApiPathPrefix"/>; admin extras under <c>/_sim/</c> (the kit
    /// checks <see cref="AdminCredentials"/> first). Endpoints elsewhere are never reached (404).</summary>
    public required Action<IEndpointRouteBuilder> MapEndpoints { get; init; }

    /// <summary>Checked for every API request (after faults), unless <see cref="AllowAnonymous"/> says otherwise.</summary>
    public required ICredentialCheck Credentials { get; init; }

    /// <summary>Checked for every <c>/_sim/</c> request. Default: <see cref="Credentials"/>.</summary>
    public ICredentialCheck? AdminCredentials { get; init; }

    /// <summary>API requests that need no credentials (logon endpoints). Default: none.</summary>
    public Func<HttpRequest, bool> AllowAnonymous { get; init; } = static _ => false;

    /// <summary>Renders the kit's errors in the vendor's layout. Default: <c>{"error": message}</c>.</summary>
    public SimulatorErrorWriter WriteError { get; init; } = SimulatorJson.WriteErrorAsync;

    /// <summary>
    /// The vendor's part of <c>POST /_sim/reset</c> (delete everything, reload fixtures); the kit then clears faults and
    /// the request log. Default: nothing.
    /// </summary>
    public Func<CancellationToken, Task> ResetAsync { get; init; } = static _ => Task.CompletedTask;

    /// <summary>
    /// False (default): the kit applies <see cref="FaultSettings.FailNthWrite"/> to every POST, PUT, PATCH and DELETE under
    /// the API prefix (500 before the handler runs). True: the vendor calls
    /// <see cref="Faults.FaultState.ConsumeWrite"/> itself for each write it executes (e.g. each request inside a batch).
    /// </summary>
    public bool CountsWritesItself { get; init; }
}
