using PamOperator.Simulators.Fudo.Api;
using PamOperator.Simulators.Fudo.Endpoints;
using PamOperator.Simulators.Fudo.Fixtures;
using PamOperator.Simulators.Fudo.Operations;
using PamOperator.Simulators.Fudo.Storage;

namespace PamOperator.Simulators.Fudo.Hosting;

/// <summary>
/// The simulator without HTTP: store, rules, router and faults. All store access is serialized by the kit's
/// <see cref="SerializedDatabase"/>; every mutating request runs in one SQLite transaction, committed only when it
/// succeeded.
/// </summary>
internal sealed class SimulatorEngine : IDisposable
{
    private readonly SerializedDatabase _database;
    private readonly ApiContext _context;
    private readonly string _fixtures;
    private readonly string _fixturesSource;

    /// <summary>Opens the store (fixtures go into a new one); <paramref name="faults"/> is the kit's state, consumed
    /// once per executed write (<see cref="FaultState.ConsumeWrite"/>), batch entries included.</summary>
    public SimulatorEngine(FudoSimulatorOptions options, FaultState faults)
    {
        _database = new SerializedDatabase(FudoSchema.Open(options.DatabasePath));
        var store = new ObjectStore(_database.Database);
        var service = new ObjectService(store, options.Compatibility, options.TimeProvider);
        Faults = faults;
        _context = new ApiContext(service, new ObjectRenderer(service.Context), Faults, ApiRoutes.Build());
        (_fixtures, _fixturesSource) = options.SeedFile is { } file ? (File.ReadAllText(file), file) : (FixtureLoader.DefaultYaml, "built-in fixtures");
        if (store.IsEmpty)
        {
            LoadFixtures();
        }
    }

    public FaultState Faults { get; }

    public FudoCompatibility Compatibility => _context.Compatibility;

    public Task<ApiResponse> ExecuteAsync(ApiRequest request, CancellationToken cancellationToken) =>
        request.IsWrite
            ? _database.WriteAsync(() => _context.Router.Dispatch(request, _context), r => r.IsSuccess, cancellationToken)
            : _database.ReadAsync(() => _context.Router.Dispatch(request, _context), cancellationToken);

    /// <summary>Deletes everything and loads the fixtures again, in one transaction.</summary>
    public Task ResetAsync(CancellationToken cancellationToken) =>
        _database.WriteAsync(() =>
        {
            _context.Service.Store.Clear();
            LoadFixtures();
            return true;
        }, _ => true, cancellationToken);

    /// <summary>Runs <paramref name="work"/> with the lock held, in one transaction kept only when it succeeded.</summary>
    public Task<T> WithStoreAsync<T>(Func<ObjectService, T> work, Func<T, bool> succeeded, CancellationToken cancellationToken) =>
        _database.WriteAsync(() => work(_context.Service), succeeded, cancellationToken);

    public void Dispose() => _database.Dispose();

    private void LoadFixtures()
    {
        var problems = FixtureLoader.Load(_context.Service, _fixtures, _fixturesSource);
        if (problems.Count > 0)
        {
            // Options.Validate() loads the same fixtures into a scratch store first, so this is a bug, not a user mistake.
            throw new InvalidOperationException($"fixtures failed to load: {string.Join("; ", problems)}");
        }
    }
}
