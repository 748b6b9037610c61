# The base of the enrichment image: .NET's ASP.NET runtime (Ubuntu 24.04) with eSpeak NG's library and data, which
# the rhyme features transcribe lyrics with. Ubuntu 24.04 ships eSpeak NG 1.51, the version the features were measured
# with (Debian 12 here). Build it once, then publish the service onto it:
#   docker build -t rapanalyzer/enrichment-base:10.0 -f eng/images/enrichment-base.Dockerfile eng/images
#   dotnet publish services/Enrichment -t:PublishContainer -p:ContainerRepository=rapanalyzer/enrichment
FROM mcr.microsoft.com/dotnet/aspnet:10.0
RUN apt-get update \
    && apt-get install -y --no-install-recommends libespeak-ng1 \
    && rm -rf /var/lib/apt/lists/*
