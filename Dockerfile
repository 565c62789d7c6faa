# syntax=docker/dockerfile:1
# The same steps CI runs (scripts/publish.sh): the UI build, then dotnet publish.

FROM node:20-bookworm-slim AS ui
WORKDIR /src/ui
COPY ui/package.json ui/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY ui/ ./
RUN npm run build

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig Sandbox.sln ./
COPY src/Sandbox.Core/Sandbox.Core.csproj src/Sandbox.Core/
COPY src/Sandbox.Protocols/Sandbox.Protocols.csproj src/Sandbox.Protocols/
COPY src/Sandbox.Server/Sandbox.Server.csproj src/Sandbox.Server/UiBuild.targets src/Sandbox.Server/
RUN dotnet restore src/Sandbox.Server/Sandbox.Server.csproj
COPY src/ src/
COPY --from=ui /src/src/Sandbox.Server/wwwroot/ src/Sandbox.Server/wwwroot/
RUN dotnet publish src/Sandbox.Server/Sandbox.Server.csproj -c Release -o /app -p:SkipUiBuild=true

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app ./
ENV Sandbox__ListenAddress=0.0.0.0 \
    ASPNETCORE_URLS=http://0.0.0.0:8025 \
    DOTNET_gcServer=0
EXPOSE 1025 1110 1143 8025
USER app
HEALTHCHECK --interval=10s --timeout=5s --start-period=5s --retries=3 CMD ["dotnet", "Sandbox.Server.dll", "healthcheck"]
ENTRYPOINT ["dotnet", "Sandbox.Server.dll"]
