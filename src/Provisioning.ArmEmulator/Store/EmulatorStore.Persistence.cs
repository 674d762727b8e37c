namespace Provisioning.ArmEmulator;

/// <content>Snapshots, restore and saving to the data file.</content>
public sealed partial class EmulatorStore
{
    private readonly DataFileSaver? _saver;

    /// <summary>Gets the number of times the data file was written since start (0 without a data file).</summary>
    public int DataFileSaveCount => _saver?.SaveCount ?? 0;

    /// <summary>Writes every change not yet saved to the data file now (nothing without a data file).</summary>
    public void Flush() => _saver?.Flush();

    internal StateDocument Snapshot()
    {
        lock (_gate)
        {
            return new StateDocument(
                StateDocument.CurrentVersion,
                [
                    .. _registrations.Values.Select(entry =>
                    {
                        var r = entry.Registration;
                        return new StateRegistration(
                            r.SubscriptionId, r.ResourceGroup, r.Name, r.ObjectId, r.CloudId, r.BillingModel, [.. entry.Mappings.Values]);
                    }),
                ]);
        }
    }

    /// <summary>What the process's end (ProcessExit, an unhandled exception) does when the emulator was never disposed: write what is pending.</summary>
    internal void OnProcessEnding() => _saver?.OnProcessEnding(null, EventArgs.Empty);

    /// <summary>Stops the background saver and writes what is pending.</summary>
    internal void CloseDataFile() => _saver?.Close();

    private void Restore(StateDocument document)
    {
        lock (_gate)
        {
            foreach (var r in document.Registrations)
            {
                var entry = new RegistrationEntry(
                    new EmulatorRegistration(r.SubscriptionId, r.ResourceGroup, r.Name, r.ObjectId, r.CloudId, r.BillingModel));
                foreach (var mapping in r.CustomerSubscriptions)
                {
                    entry.Put(mapping);
                }

                _registrations.Set(KeyOf(r.SubscriptionId, r.ResourceGroup, r.Name), entry);
            }
        }
    }

    private void Persist() => _saver?.Changed();
}
