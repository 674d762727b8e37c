using System.Text.Json;
using System.Text.Json.Serialization;

namespace Provisioning.ArmEmulator;

/// <summary>
/// Serialization code generated at compile time for every type the emulator reads or writes with the serializer, so that
/// an embedded emulator loads its data file and answers its first requests without building serializers by reflection.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(StateDocument))]
[JsonSerializable(typeof(ArmErrorResponse))]
[JsonSerializable(typeof(CustomerSubscriptionResource))]
[JsonSerializable(typeof(RegistrationResource))]
[JsonSerializable(typeof(ResourceList<RegistrationResource>))]
[JsonSerializable(typeof(RequestLogSummary))]
internal sealed partial class EmulatorJsonContext : JsonSerializerContext;
