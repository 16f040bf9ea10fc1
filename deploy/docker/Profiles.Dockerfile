# The Profiles service's container: built with the SDK, run on the ASP.NET runtime.
# Build from the repository root: docker build -f deploy/docker/Profiles.Dockerfile -t newcomer-matching/profiles .
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish services/Profiles/Profiles.csproj -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
EXPOSE 6080 6081
ENTRYPOINT ["dotnet", "Profiles.dll"]
