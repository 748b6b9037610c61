using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace RapAnalyzer.Gateway.Tests;

/// <summary>A service behind the gateway, on a free loopback port, that answers every request as it is told.</summary>
public static class StandInService
{
    public static async Task<WebApplication> StartAsync(RequestDelegate answer)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var service = builder.Build();
        service.Run(answer);
        await service.StartAsync();
        return service;
    }
}
