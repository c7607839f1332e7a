using ChestXCds.CdsHooks.Contracts;
using ChestXCds.CdsHooks.Prefetch;

namespace ChestXCds.CdsHooks.Tests.Prefetch;

public sealed class PrefetchTemplateResolverTests
{
    [Fact]
    public void GivenEveryTemplate_WhenResolved_ThenPatientIdFilledIn()
    {
        var context = new HookContext { PatientId = "p 1", UserId = "Practitioner/9" };

        Assert.Equal("Patient/p%201", PrefetchTemplateResolver.Resolve(PrefetchTemplates.Patient, context));
        Assert.Equal("ImagingStudy?patient=p%201&_sort=-started&_count=50", PrefetchTemplateResolver.Resolve(PrefetchTemplates.ImagingStudies, context));
    }

    [Theory]
    [InlineData("Practitioner/9", "{{userPractitionerId}}", "9")]
    [InlineData("PractitionerRole/e7", "{{userPractitionerRoleId}}", "e7")]
    [InlineData("Patient/4", "{{userPatientId}}", "4")]
    [InlineData("Practitioner/9", "{{context.userId}}", "Practitioner%2F9")]
    public void GivenUserToken_WhenResolved_ThenIdOfTheRightType(string userId, string template, string expected) =>
        Assert.Equal(expected, PrefetchTemplateResolver.Resolve(template, new HookContext { UserId = userId, PatientId = "p" }));

    [Fact]
    public void GivenTokenWithoutValue_WhenResolved_ThenNull() =>
        Assert.Null(PrefetchTemplateResolver.Resolve("Encounter/{{context.encounterId}}", new HookContext { PatientId = "p" }));

    [Fact]
    public void GivenPractitionerTokenButRoleUser_WhenResolved_ThenNull() =>
        Assert.Null(PrefetchTemplateResolver.Resolve("Practitioner/{{userPractitionerId}}", new HookContext { UserId = "PractitionerRole/1" }));
}
