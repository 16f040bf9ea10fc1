# The console's container: built with the SDK (publishing its static files and the NL Design System's
# CSS), run on the ASP.NET runtime. The runtime image has ICU, which the console's Dutch dates need.
# Build from the repository root: docker build -f deploy/docker/Console.Dockerfile -t newcomer-matching/console .
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish services/Console/Console.csproj -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
EXPOSE 6086
ENTRYPOINT ["dotnet", "Newcomers.Console.dll"]
