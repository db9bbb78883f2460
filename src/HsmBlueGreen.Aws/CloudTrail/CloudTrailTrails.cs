using HsmBlueGreen.Aws.Http;
using HsmBlueGreen.Core.Policies;
using HsmBlueGreen.Core.Ports;

namespace HsmBlueGreen.Aws.CloudTrail;

/// <summary>The trails that apply to the region, shadow trails of multi-region ones included, each with GetTrailStatus.IsLogging.</summary>
public sealed class CloudTrailTrails(AwsTransport transport)
{
    private readonly JsonProtocolClient client = new(transport, AwsService.CloudTrail);

    public async Task<IReadOnlyList<TrailInfo>> DescribeAsync(CancellationToken cancellationToken)
    {
        var described = await client.CallAsync<DescribeTrailsRequest, DescribeTrailsResponse>(OperationCatalogue.CloudTrail.DescribeTrails, new(IncludeShadowTrails: true), cancellationToken).ConfigureAwait(false);
        var trails = new List<TrailInfo>();
        foreach (var trail in (described.TrailList ?? []).Where(t => t.Name is not null))
        {
            var status = await client.CallAsync<GetTrailStatusRequest, GetTrailStatusResponse>(
                OperationCatalogue.CloudTrail.GetTrailStatus, new(trail.TrailARN ?? trail.Name!), cancellationToken).ConfigureAwait(false);
            trails.Add(new TrailInfo(trail.Name!, trail.HomeRegion ?? string.Empty, trail.IsMultiRegionTrail ?? false, status.IsLogging ?? false));
        }

        return trails;
    }
}

/// <summary>The model spells this member in camel case, unlike the rest of CloudTrail's input.</summary>
internal sealed record DescribeTrailsRequest([property: System.Text.Json.Serialization.JsonPropertyName("includeShadowTrails")] bool IncludeShadowTrails);

internal sealed record DescribeTrailsResponse([property: System.Text.Json.Serialization.JsonPropertyName("trailList")] List<TrailDto>? TrailList);

internal sealed record TrailDto(string? Name, string? TrailARN, string? HomeRegion, bool? IsMultiRegionTrail);

internal sealed record GetTrailStatusRequest(string Name);

internal sealed record GetTrailStatusResponse(bool? IsLogging);
