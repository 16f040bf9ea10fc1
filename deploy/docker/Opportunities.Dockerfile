# The Opportunities service's container: built with the SDK, run on the ASP.NET runtime.
# Build from the repository root: docker build -f deploy/docker/Opportunities.Dockerfile -t newcomer-matching/opportunities .
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish services/Opportunities/Opportunities.csproj -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
EXPOSE 6082 6083
ENTRYPOINT ["dotnet", "Opportunities.dll"]
