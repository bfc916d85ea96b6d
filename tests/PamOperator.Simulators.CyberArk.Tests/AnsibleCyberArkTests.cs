using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;

namespace PamOperator.Simulators.CyberArk.Tests;

/// <summary>
/// The independent check of the wire format: Debian's <c>ansible</c> (scripts/prerequisites.sh installs it) bundles the
/// <c>cyberark.pas</c> collection, whose <c>cyberark_authentication</c> and <c>cyberark_account</c> modules are run
/// against the simulator: logon, create, find, update, delete, logoff; every play twice (a rerun succeeds and changes
/// nothing in the vault), and the vault is checked after each.
/// </summary>
public class AnsibleCyberArkTests
{
    private const string Secret = "CANARY-ansible-secret-93d1";

    private const string Present = """
        - hosts: localhost
          connection: local
          gather_facts: false
          vars:
            ansible_python_interpreter: /usr/bin/python3
          tasks:
            - name: Logon
              cyberark.pas.cyberark_authentication:
                api_base_url: "{{ base }}"
                validate_certs: false
                username: Administrator
                password: "{{ admin_password }}"
            - name: Create the account (or find it on a rerun)
              cyberark.pas.cyberark_account:
                cyberark_session: "{{ cyberark_session }}"
                identified_by: "address,username"
                safe: AnsibleSafe
                address: host1.example.test
                username: svc-backup
                platform_id: UnixSSH
                name: svc-backup-host1
                secret: "{{ account_secret }}"
                platform_account_properties:
                  Port: "22"
                state: present
              register: created
            - name: Find it
              cyberark.pas.cyberark_account:
                cyberark_session: "{{ cyberark_session }}"
                identified_by: "address,username"
                safe: AnsibleSafe
                address: host1.example.test
                username: svc-backup
                platform_id: UnixSSH
                state: present
              register: found
            - name: Update it
              cyberark.pas.cyberark_account:
                cyberark_session: "{{ cyberark_session }}"
                identified_by: "address,username"
                safe: AnsibleSafe
                address: host1.example.test
                username: svc-backup
                platform_id: UnixSSH
                platform_account_properties:
                  Port: "2222"
                secret_management:
                  automatic_management_enabled: false
                  manual_management_reason: managed by the backup team
                state: present
              register: updated
            - name: Check what the modules saw
              assert:
                that:
                  - created.result.result.id is defined
                  - found.result.result.id == created.result.result.id
                  - updated.result.result.platformAccountProperties.Port == "2222"
                  - updated.result.result.secretManagement.automaticManagementEnabled == false
            - name: Logoff
              cyberark.pas.cyberark_authentication:
                state: absent
                cyberark_session: "{{ cyberark_session }}"
        """;

    private const string Absent = """
        - hosts: localhost
          connection: local
          gather_facts: false
          vars:
            ansible_python_interpreter: /usr/bin/python3
          tasks:
            - name: Logon
              cyberark.pas.cyberark_authentication:
                api_base_url: "{{ base }}"
                validate_certs: false
                username: Administrator
                password: "{{ admin_password }}"
            - name: Delete the account
              cyberark.pas.cyberark_account:
                cyberark_session: "{{ cyberark_session }}"
                identified_by: "address,username"
                safe: AnsibleSafe
                address: host1.example.test
                username: svc-backup
                state: absent
              register: deleted
            - name: Report whether it changed anything
              debug:
                msg: "DELETED-CHANGED={{ deleted.changed }}"
            - name: Logoff
              cyberark.pas.cyberark_authentication:
                state: absent
                cyberark_session: "{{ cyberark_session }}"
        """;

    [Fact]
    public async Task TheCyberArkPasCollection_LogsOnCreatesFindsUpdatesDeletesAndLogsOff_IdempotentlyOnRerun()
    {
        File.Exists("/usr/bin/ansible-playbook").Should().BeTrue("scripts/prerequisites.sh installs Debian's ansible, which bundles cyberark.pas");
        await using var pvwa = await Pvwa.StartAsync();
        var token = await pvwa.LogonAsync();
        (await pvwa.SendAsync(HttpMethod.Post, "PasswordVault/API/Safes", new JsonObject { ["safeName"] = "AnsibleSafe" }, token)).Status.Should().Be(HttpStatusCode.Created);
        var dir = Directory.CreateTempSubdirectory("ansible-cyberark-").FullName;
        try
        {
            for (var run = 1; run <= 2; run++)
            {
                var output = await PlaybookAsync(dir, "present.yml", Present, pvwa);
                output.Should().NotContain(Secret, "the secret is no_log in the module and never returned by the vault");
                var accounts = await AccountsAsync(pvwa, token);
                accounts.Should().ContainSingle($"run {run} of the present play leaves exactly one account");
                var account = accounts[0]!;
                account["name"]!.GetValue<string>().Should().Be("svc-backup-host1");
                account["platformAccountProperties"]!["Port"]!.GetValue<string>().Should().Be("2222");
                account["secretManagement"]!["automaticManagementEnabled"]!.GetValue<bool>().Should().BeFalse();
                account["secretManagement"]!["manualManagementReason"]!.GetValue<string>().Should().Be("managed by the backup team");
            }

            for (var run = 1; run <= 2; run++)
            {
                var output = await PlaybookAsync(dir, "absent.yml", Absent, pvwa);
                output.Should().Contain(run == 1 ? "DELETED-CHANGED=True" : "DELETED-CHANGED=False", $"run {run}: only the first delete changes anything");
                (await AccountsAsync(pvwa, token)).Should().BeEmpty();
            }

            var log = pvwa.Simulator.RequestLog.Snapshot();
            log.Should().Contain(e => e.Method == "POST" && e.PathAndQuery == "/PasswordVault/API/Auth/CyberArk/Logon" && e.Status == 200);
            log.Should().Contain(e => e.Method == "POST" && e.PathAndQuery == "/PasswordVault/API/Auth/Logoff" && e.Status == 200);
            log.Should().Contain(e => e.Method == "GET" && e.PathAndQuery.StartsWith("/PasswordVault/api/accounts?filter=safeName%20eq%20AnsibleSafe", StringComparison.Ordinal));
            log.Should().Contain(e => e.Method == "PATCH" && e.Status == 200);
            log.Should().Contain(e => e.Method == "DELETE" && e.Status == 204);
            log.Should().NotContain(e => e.Status >= 400, "every request the collection sent succeeded");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static async Task<JsonArray> AccountsAsync(Pvwa pvwa, string token)
    {
        var answer = await pvwa.SendAsync(HttpMethod.Get, "PasswordVault/API/Accounts?filter=safeName%20eq%20AnsibleSafe", null, token);
        answer.Status.Should().Be(HttpStatusCode.OK, answer.Text);
        return answer.Json!["value"]!.AsArray();
    }

    private static async Task<string> PlaybookAsync(string dir, string name, string play, Pvwa pvwa)
    {
        var path = Path.Combine(dir, name);
        await File.WriteAllTextAsync(path, play);
        var start = new ProcessStartInfo("/usr/bin/ansible-playbook")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = dir,
        };
        foreach (var arg in new[] { "-i", "localhost,", path, "-e", $"base={pvwa.Simulator.BaseAddress.ToString().TrimEnd('/')}",
                     "-e", $"admin_password={Pvwa.AdminPassword}", "-e", $"account_secret={Secret}" })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["ANSIBLE_NOCOLOR"] = "1";
        start.Environment["ANSIBLE_LOCAL_TEMP"] = Path.Combine(dir, "tmp");
        start.Environment["ANSIBLE_REMOTE_TEMP"] = Path.Combine(dir, "tmp");
        start.Environment["HOME"] = dir;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        var output = await stdout + await stderr;
        process.ExitCode.Should().Be(0, $"ansible-playbook {name} succeeds:\n{output}");
        output.Should().Contain("failed=0");
        return output;
    }
}
