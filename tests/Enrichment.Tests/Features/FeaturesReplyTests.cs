using System.Text.Json;
using Google.Protobuf.Reflection;
using RapAnalyzer.Contracts;
using RapAnalyzer.Enrichment.Grpc;
using RapAnalyzer.Protos.Enrichment;

namespace RapAnalyzer.Enrichment.Tests.Features;

/// <summary>
/// The proto's FeaturesReply cannot be generated from TrackFeatures: this holds the two to one list, so a feature
/// added to either alone fails here.
/// </summary>
public class FeaturesReplyTests
{
    private static readonly Dictionary<Type, FieldType> ProtoTypes = new()
    {
        [typeof(int)] = FieldType.Int32,
        [typeof(long)] = FieldType.Int64,
        [typeof(double)] = FieldType.Double,
        [typeof(bool)] = FieldType.Bool,
        [typeof(string)] = FieldType.String,
    };

    [Test]
    public void The_reply_has_a_field_for_each_feature_in_order_with_its_type()
    {
        var features = typeof(TrackFeatures).GetProperties()
            .Select(feature => (JsonNamingPolicy.CamelCase.ConvertName(feature.Name), ProtoTypes[feature.PropertyType]));
        var fields = FeaturesReply.Descriptor.Fields.InDeclarationOrder().Select(field => (field.JsonName, field.FieldType));

        Assert.That(fields, Is.EqualTo(features));
    }

    [Test]
    public void The_reply_carries_every_features_value()
    {
        var features = Cmu.Analyzer.Analyze("[Verse 1]\nI got the flame\nI got the game\n\n[Chorus]\nMaking money\nTaking honey");

        var reply = EnrichmentGrpcService.Reply(features);

        Assert.That(FeaturesReply.Descriptor.Fields.InDeclarationOrder().Select(field => field.Accessor.GetValue(reply)),
            Is.EqualTo(typeof(TrackFeatures).GetProperties().Select(feature => feature.GetValue(features))));
    }
}
