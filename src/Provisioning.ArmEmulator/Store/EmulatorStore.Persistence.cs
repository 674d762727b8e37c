namespace Provisioning.ArmEmulator;

/// <content>Snapshots, restore and saving to the data file.</content>
public sealed partial class EmulatorStore
{
    private readonly string? _dataFile;

    // Saves are serialised and each takes its snapshot inside this lock, so a later save never loses to an earlier one.
    private readonly Lock _saveGate = new();

    internal StateDocument Snapshot()
    {
        lock (_gate)
        {
            return new StateDocument(
                StateDocument.CurrentVersion,
                [
                    .. _registrations.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p =>
                    {
                        var r = p.Value.Registration;
                        return new StateRegistration(
                            r.SubscriptionId, r.ResourceGroup, r.Name, r.ObjectId, r.CloudId, r.BillingModel,
                            [.. p.Value.OrderedKeys.Select(k => p.Value.Mappings[k])]);
                    }),
                ]);
        }
    }

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

                _registrations[KeyOf(r.SubscriptionId, r.ResourceGroup, r.Name)] = entry;
            }
        }
    }

    private void Persist()
    {
        if (_dataFile is null)
        {
            return;
        }

        lock (_saveGate)
        {
            StateFile.Save(_dataFile, Snapshot());
        }
    }
}
