using System.Net;
using System.Text.Json.Nodes;
using FluentAssertions;
using k8s;
using k8s.Autorest;
using PamOperator.Kubernetes.TestServer.Tests.Support;
using Xunit;

namespace PamOperator.Kubernetes.TestServer.Tests.Kubectl;

/// <summary>
/// Custom resources are admitted against their CRD (crds/*.yaml) the way kube-apiserver admits them, so a bad
/// manifest is refused by `kubectl apply` with the message users see in a cluster.
/// </summary>
public sealed class KubectlAdmissionTests : IAsyncLifetime
{
    private ServerGround _ground = null!;

    public async Task InitializeAsync() => _ground = await ServerGround.StartAsync();

    public async Task DisposeAsync() => await _ground.DisposeAsync();

    [KubectlFact]
    public async Task Apply_ManifestBreakingSchemaAndRule_IsRefusedWithEveryFieldError()
    {
        var file = _ground.Write("bad.yaml", ServerGround.Safe("bad", "{blocked: true, timeLimit: soon, noteAccess: everything}"));

        var apply = await _ground.Kubectl.RunAsync($"apply -f {file}");

        apply.ExitCode.Should().NotBe(0);
        apply.Stderr.Should().Contain("The Safe \"bad\" is invalid:")
            .And.Contain("* spec.timeLimit: Invalid value: \"string\": spec.timeLimit in body must be of type integer: \"string\"")
            .And.Contain("* spec.noteAccess: Unsupported value: \"everything\": supported values: \"none\", \"read\", \"write\"")
            .And.Contain("* spec.noteAccess: Too long: may not be more than 5 bytes")
            .And.Contain("* spec.blocked: Required value: PAM201: reason is required when blocked is true", "the rule's fieldPath and reason");
        _ground.Stored("safes", "bad").Should().BeNull();
    }

    [KubectlFact]
    public async Task Apply_UnknownField_IsAStrictDecodingError_AndTheObjectIsNotCreated()
    {
        var apply = await _ground.Kubectl.RunAsync($"apply -f {_ground.Write("typo.yaml", ServerGround.Safe("typo", "{loginReasn: true}"))}");

        apply.ExitCode.Should().NotBe(0);
        apply.Stderr.Should().Contain("Safe in version \"v1alpha1\" cannot be handled as a Safe: strict decoding error: unknown field \"spec.loginReasn\"");
        _ground.Stored("safes", "typo").Should().BeNull();
    }

    [KubectlFact]
    public async Task Apply_WithValidateIgnore_PrunesTheUnknownField_AndAppliesDefaults()
    {
        var apply = await _ground.Kubectl.RunAsync($"apply --validate=false -f {_ground.Write("typo.yaml", ServerGround.Safe("typo", "{loginReasn: true}"))}");

        apply.ExitCode.Should().Be(0, apply.ToString());
        var stored = _ground.Stored("safes", "typo")!;
        stored["spec"]!["loginReasn"].Should().BeNull("a real server drops fields its schema does not declare");
        stored["spec"]!["noteAccess"]!.GetValue<string>().Should().Be("none", "the schema's default");
        stored["spec"]!["deletionPolicy"]!.GetValue<string>().Should().Be("Delete");
    }

    [KubectlFact]
    public async Task Reapply_ChangingAnImmutableField_IsRefusedByTheTransitionRule()
    {
        var file = _ground.Write("access.yaml", Assignment("alice"));
        (await _ground.Kubectl.RunAsync($"apply -f {file}")).ExitCode.Should().Be(0);
        _ground.Write("access.yaml", Assignment("bob"));

        var again = await _ground.Kubectl.RunAsync($"apply -f {file}");

        again.ExitCode.Should().NotBe(0);
        again.Stderr.Should().Contain("The UserSafeAssignment \"alice-db\" is invalid: spec.user: Invalid value: \"string\": user is immutable: delete and recreate the object to change it");
        _ground.Stored("usersafeassignments", "alice-db")!["spec"]!["user"]!.GetValue<string>().Should().Be("alice");
    }

    [KubectlFact]
    public async Task OfficialClient_CreateOfAnInvalidObject_Gets422WithCauses()
    {
        var body = JsonNode.Parse("""
            {"apiVersion":"fudo.pamoperator.io/v1alpha1","kind":"UserSafeAssignment","metadata":{"name":"w"},
             "spec":{"user":"alice","safe":"db","useTimePolicy":true,"timePolicy":[
               {"dayOfWeek":"Monday","validFrom":"09:00:00","validTo":"08:00:00"}]}}
            """)!;

        var create = () => _ground.Client.CustomObjects.CreateNamespacedCustomObjectAsync(body, ServerGround.Group, ServerGround.Version, "default", "usersafeassignments");

        var failure = (await create.Should().ThrowAsync<HttpOperationException>()).Which;
        failure.Response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var status = JsonNode.Parse(failure.Response.Content)!;
        status["reason"]!.GetValue<string>().Should().Be("Invalid");
        status["message"]!.GetValue<string>().Should().Be("UserSafeAssignment.fudo.pamoperator.io \"w\" is invalid: "
            + "spec.timePolicy[0].validTo: Invalid value: \"object\": PAM205: time window must end after it starts (validFrom < validTo)");
        var cause = status["details"]!["causes"]!.AsArray().Single()!;
        cause["field"]!.GetValue<string>().Should().Be("spec.timePolicy[0].validTo");
        cause["reason"]!.GetValue<string>().Should().Be("FieldValueInvalid");
    }

    private static string Assignment(string user) => $"""
        apiVersion: fudo.pamoperator.io/v1alpha1
        kind: UserSafeAssignment
        metadata:
          name: alice-db
        spec:
          user: {user}
          safe: db
        """;
}
