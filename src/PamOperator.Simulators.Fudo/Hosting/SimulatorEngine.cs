using PamOperator.Simulators.Fudo.Api;
using PamOperator.Simulators.Fudo.Endpoints;
using PamOperator.Simulators.Fudo.Fixtures;
using PamOperator.Simulators.Fudo.Operations;
using PamOperator.Simulators.Fudo.Storage;

namespace PamOperator.Simulators.Fudo.Hosting;

/// <summary>
/// The simulator without HTTP: store, rules, router and faults. All store access is serialized by one async lock;
/// every mutating request runs in one SQLite transaction, committed only when it succeeded.
/// </summary>
internal sealed class SimulatorEngine : IDisposable
{
    private readonly SemaphoreSlim _lock = new(1, 1);
    private readonly SqliteDatabase _database;
    private readonly ApiContext _context;
    private readonly string _fixtures;
    private readonly string _fixturesSource;

    /// <summary>Opens the store (fixtures go into a new one); <paramref name="faults"/> is the kit's state, consumed
    /// once per executed write (<see cref="FaultState.ConsumeWrite"/>), batch entries included.</summary>
    public SimulatorEngine(FudoSimulatorOptions options, FaultState faults)
    {
        _database = FudoSchema.Open(options.DatabasePath);
        var store = new ObjectStore(_database);
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

    public async Task<ApiResponse> ExecuteAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken);
        try
        {
            return request.IsWrite ? InTransaction(() => _context.Router.Dispatch(request, _context), r => r.IsSuccess)
                : _context.Router.Dispatch(request, _context);
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>Deletes everything and loads the fixtures again.</summary>
    public async Task ResetAsync(CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken);
        try
        {
            InTransaction(() =>
            {
                _context.Service.Store.Clear();
                LoadFixtures();
                return true;
            }, _ => true);
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>Runs <paramref name="work"/> with the lock held, in one transaction kept only when it succeeded.</summary>
    public async Task<T> WithStoreAsync<T>(Func<ObjectService, T> work, Func<T, bool> succeeded, CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken);
        try
        {
            return InTransaction(() => work(_context.Service), succeeded);
        }
        finally
        {
            _lock.Release();
        }
    }

    public void Dispose()
    {
        _database.Dispose();
        _lock.Dispose();
    }

    private T InTransaction<T>(Func<T> work, Func<T, bool> succeeded) => _database.InTransaction(work, succeeded);

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
