namespace Provisioning.Export;

/// <summary>Turns a stack into the files of one IaC format. Pure: no I/O, the same input gives the same bytes.</summary>
public interface IExporter
{
    /// <summary>The format this exporter writes.</summary>
    ExportFormat Format { get; }

    /// <summary>The files of the export, in a stable order; the first is the entry point.</summary>
    IReadOnlyList<ExportedFile> Export(ExportModel model);
}
