# The operator image: `pamctl operator` by default; any pamctl verb works (docker run IMAGE plan -f ...).
# Build from the repository root:  docker build -t pam-operator:dev .

# --- build: restore and publish the CLI (which hosts the operator) ---------------------------------------------------
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# global.json pins the SDK feature band (10.0.401, rolling forward): the image's SDK must satisfy it.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/ src/
RUN dotnet publish src/PamOperator.Cli/PamOperator.Cli.csproj \
      --configuration Release \
      --output /app \
      -p:UseAppHost=false

# --- runtime: ASP.NET Core runtime (health, metrics and the simulator use Kestrel), no SDK, non-root -------------------
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
# 65532: the conventional distroless "nonroot" uid; numeric so Kubernetes runAsNonRoot can verify it.
USER 65532:65532
# 8080: Prometheus /metrics; 8081: /healthz and /readyz.
EXPOSE 8080 8081
ENTRYPOINT ["dotnet", "/app/pamctl.dll"]
CMD ["operator"]
