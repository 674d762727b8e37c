namespace Provisioning.ArmEmulator;

/// <summary>Draws the fault of each request from one seeded sequence: the n-th faultable request always meets the same fault.</summary>
internal sealed class FaultPlan(FaultOptions options)
{
    private readonly Lock _gate = new();
    private readonly Random _random = new(options.Seed ?? Random.Shared.Next());

    /// <summary>Gets a value indicating whether any fault can be drawn.</summary>
    public bool Enabled => options.Enabled;

    /// <summary>Draws the fault of the next request of this kind (one draw per request, whatever its kind).</summary>
    public EmulatorFault Draw(ArmOperationKind kind)
    {
        double draw;
        lock (_gate)
        {
            draw = _random.NextDouble();
        }

        return options.For(kind).Pick(draw);
    }
}
