# The Matching service's container: built with the SDK, run on the ASP.NET runtime.
# Build from the repository root: docker build -f deploy/docker/Matching.Dockerfile -t newcomer-matching/matching .
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish services/Matching/Matching.csproj -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
EXPOSE 6084 6085
ENTRYPOINT ["dotnet", "Matching.dll"]
