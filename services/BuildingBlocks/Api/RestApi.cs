using Google.Protobuf.Reflection;
using Google.Rpc;
using Grpc.AspNetCore.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Grpc.JsonTranscoding;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi.Models;

namespace Newcomers.BuildingBlocks.Api;

/// <summary>
/// REST/JSON for the RPCs that carry google.api.http annotations (gRPC JSON transcoding), on the
/// process's HTTP/1.1 port, with its OpenAPI document and a page that renders it.
/// </summary>
public static class RestApi
{
    /// <summary>Where the OpenAPI 3.0 document is served.</summary>
    public const string DocumentPath = "/swagger/v1/swagger.json";

    /// <summary>Where Swagger UI renders it.</summary>
    public const string PagePath = "/swagger";

    /// <summary>Transcoding, and the OpenAPI document with the proto comments as summaries.</summary>
    public static IServiceCollection AddRestApi(this IServiceCollection services, IGrpcServerBuilder grpc)
    {
        // The error details the services attach (Errors), so that a JSON error carries them resolved.
        grpc.AddJsonTranscoding(options => options.TypeRegistry = TypeRegistry.FromMessages(
            BadRequest.Descriptor, ErrorInfo.Descriptor, ResourceInfo.Descriptor, PreconditionFailure.Descriptor));
        services.AddGrpcSwagger();
        services.AddSwaggerGen(swagger =>
        {
            swagger.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "Newcomer matching",
                Version = "v1",
                Description = "Providers, opportunities and matches over REST/JSON: the same RPCs, tokens (Authorization: Bearer) and access rules as over gRPC.",
            });
            var comments = Path.Combine(AppContext.BaseDirectory, "Contracts.xml");
            if (File.Exists(comments)) swagger.IncludeGrpcXmlComments(comments, includeControllerXmlComments: true);
            swagger.DocumentFilter<EquivalentPathsFilter>();
            swagger.AddSecurityDefinition("bearer", new OpenApiSecurityScheme { Type = SecuritySchemeType.Http, Scheme = "bearer", BearerFormat = "JWT" });
            swagger.AddSecurityRequirement(new OpenApiSecurityRequirement
            {
                [new OpenApiSecurityScheme { Reference = new OpenApiReference { Type = ReferenceType.SecurityScheme, Id = "bearer" } }] = [],
            });
        });
        return services;
    }

    /// <summary>Where the transcoded routes are.</summary>
    public const string RoutePrefix = "/v1";

    /// <summary>
    /// Serves the OpenAPI document at <see cref="DocumentPath"/> and Swagger UI at <see cref="PagePath"/>, and holds a
    /// REST body to the size of the largest gRPC message (<see cref="MalformedMessageGuard.MaxMessage"/>): transcoding
    /// does not apply gRPC's limit to JSON, so without this a feed sent as JSON could be larger than the same feed over gRPC.
    /// </summary>
    public static WebApplication UseRestApi(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            if (context.Request.Path.StartsWithSegments(RoutePrefix) && context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } body)
                body.MaxRequestBodySize = MalformedMessageGuard.MaxMessage;
            return next(context);
        });
        app.UseSwagger();
        app.UseSwaggerUI(ui => ui.SwaggerEndpoint(DocumentPath, "Newcomer matching v1"));
        return app;
    }
}
