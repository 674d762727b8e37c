using Provisioning.Sdk;
using TenantRegistrations;

// The resources are declared in TenantRegistrationsProgram, so the unit tests (../csharp-multi-stamp.Tests) run the same code.
return await Deployment.RunAsync(TenantRegistrationsProgram.Declare);
