namespace Provisioning.ArmEmulator;

/// <summary>The shares (0 to 1, summing to at most 1) of one kind of request that get each injected fault; all 0 by default.</summary>
public sealed class FaultRates
{
    /// <summary>Gets or sets the share answered 500 InternalServerError without touching the store.</summary>
    public double InternalServerErrorShare { get; set; }

    /// <summary>Gets or sets the share answered 503 ServiceUnavailable without touching the store.</summary>
    public double ServiceUnavailableShare { get; set; }

    /// <summary>Gets or sets the share answered 429 TooManyRequests with Retry-After without touching the store.</summary>
    public double TooManyRequestsShare { get; set; }

    /// <summary>Gets or sets the share whose connection is aborted without touching the store.</summary>
    public double DropConnectionShare { get; set; }

    /// <summary>Gets or sets the share handled normally after <see cref="FaultOptions.Delay"/>.</summary>
    public double DelayShare { get; set; }

    /// <summary>Gets or sets the share handled normally (a PUT or DELETE takes effect) whose connection is then aborted before the answer is sent.</summary>
    public double FaultAfterCommitShare { get; set; }

    /// <summary>Gets the sum of all shares.</summary>
    public double Total =>
        InternalServerErrorShare + ServiceUnavailableShare + TooManyRequestsShare + DropConnectionShare + DelayShare + FaultAfterCommitShare;

    /// <summary>Sets the same share of 500, 503, 429 and dropped connections, so that <paramref name="share"/> of requests fail in all.</summary>
    /// <param name="share">The share of requests that fail (0 to 1).</param>
    /// <returns>These rates.</returns>
    public FaultRates WithTransientFailures(double share)
    {
        InternalServerErrorShare = ServiceUnavailableShare = TooManyRequestsShare = DropConnectionShare = share / 4;
        return this;
    }

    /// <summary>Returns the fault a uniform draw in [0, 1) falls on.</summary>
    internal EmulatorFault Pick(double draw)
    {
        (double Share, EmulatorFault Fault)[] table =
        [
            (InternalServerErrorShare, EmulatorFault.InternalServerError),
            (ServiceUnavailableShare, EmulatorFault.ServiceUnavailable),
            (TooManyRequestsShare, EmulatorFault.TooManyRequests),
            (DropConnectionShare, EmulatorFault.DroppedConnection),
            (DelayShare, EmulatorFault.Delayed),
            (FaultAfterCommitShare, EmulatorFault.DroppedAfterCommit),
        ];
        var bound = 0.0;
        foreach (var (share, fault) in table)
        {
            bound += share;
            if (draw < bound)
            {
                return fault;
            }
        }

        return EmulatorFault.None;
    }

    internal void Validate(string name)
    {
        double[] shares =
            [InternalServerErrorShare, ServiceUnavailableShare, TooManyRequestsShare, DropConnectionShare, DelayShare, FaultAfterCommitShare];
        if (shares.Any(s => !(s >= 0 && s <= 1)) || Total > 1 + 1e-9)
        {
            throw new ArgumentOutOfRangeException(name, $"{name}: every fault share must be from 0 to 1 and they must sum to at most 1 (sum {Total}).");
        }
    }
}
