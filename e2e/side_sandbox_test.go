package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/agdash/agdash/backend/sandbox"
	"github.com/agdash/agdash/backend/sandbox/iam"
	"github.com/agdash/agdash/backend/sandbox/server"
	"github.com/agdash/agdash/backend/sandbox/world"
	"github.com/agdash/agdash/e2e/term"
)

// sideSandbox is the sandbox account served by the test process itself,
// so a test can change its faults (SetFaults) and read its calls while
// agdash talks to it exactly as it talks to AWS: through --endpoint-url,
// with credentials from the environment or a profile, not --sandbox.
type sideSandbox struct {
	*sandbox.Sandbox
}

func startSideSandbox(t *testing.T, speed float64) *sideSandbox {
	t.Helper()
	return startSideSandboxWith(t, sandbox.Options{Seed: 1, Speed: speed})
}

// startSideSandboxWith serves the account opts describe: a test's own
// clock, or no random failures of the jobs it starts.
func startSideSandboxWith(t *testing.T, opts sandbox.Options) *sideSandbox {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	sb, err := sandbox.Start(ctx, opts)
	if err != nil {
		cancel()
		t.Fatalf("start the sandbox: %v", err)
	}
	t.Cleanup(func() {
		sb.Close()
		cancel()
	})
	return &sideSandbox{sb}
}

// principal is who role names in the sandbox.
func (s *sideSandbox) principal(t *testing.T, role string) iam.Principal {
	t.Helper()
	p, err := s.Principal(role)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// setFaults changes the faults at once (the test's own SetFaults, as the
// admin API's PUT /_sandbox/faults would).
func (s *sideSandbox) setFaults(t *testing.T, f server.Faults) {
	t.Helper()
	if err := s.Server().SetFaults(f); err != nil {
		t.Fatal(err)
	}
}

// stats reads the calls the sandbox answered, per "service:Operation",
// through its admin API as any outside tool would.
func (s *sideSandbox) stats(t *testing.T) map[string]int64 {
	t.Helper()
	resp, err := http.Get(s.URL() + "/_sandbox/stats")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var body struct {
		Calls map[string]int64 `json:"calls"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&body); err != nil {
		t.Fatal(err)
	}
	return body.Calls
}

// runningJob is a training job of project that is InProgress now.
func (s *sideSandbox) runningJob(t *testing.T, project string) string {
	t.Helper()
	w := s.World()
	q := world.TrainingJobQuery{StatusEquals: world.TrainingInProgress, SortBy: "CreationTime", SortOrder: world.Descending}
	for {
		page, err := w.TrainingJobs(q)
		if err != nil {
			t.Fatal(err)
		}
		for _, j := range page.Items {
			tags, _ := w.Tags(w.TrainingJobArn(j.TrainingJobName))
			for _, tag := range tags {
				if tag.Key == "sagemaker:project-name" && tag.Value == project {
					return j.TrainingJobName
				}
			}
		}
		if page.Next == "" {
			t.Fatalf("no running training job of %s", project)
		}
		q.After = page.Next
	}
}

// jobStatus is a job's status in the world, not as agdash shows it.
func (s *sideSandbox) jobStatus(t *testing.T, name string) string {
	t.Helper()
	j, err := s.World().TrainingJob(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(j.TrainingJobStatus)
}

// sideRun says how agdash is started against a side sandbox.
type sideRun struct {
	role string
	// profile, when set, puts the principal's keys in ~/.aws/credentials
	// under that profile and passes --profile; else they are in the
	// environment, as AWS_ACCESS_KEY_ID and friends.
	profile string
	// intervals are the config file's polling intervals ("projects": "2s").
	intervals map[string]string
	env       []string
	args      []string
}

// agdashOn runs agdash in a w×h terminal against s. It returns the
// terminal and the home directory (TMPDIR too, so crash reports land
// there).
func agdashOn(t *testing.T, s *sideSandbox, w, h int, run sideRun) (*term.Term, string) {
	t.Helper()
	home := t.TempDir()
	p := s.principal(t, run.role)
	env := append([]string{
		"HOME=" + home, "XDG_CONFIG_HOME=" + filepath.Join(home, ".config"), "TMPDIR=" + home,
		"AWS_CONFIG_FILE=" + filepath.Join(home, ".aws", "config"),
		"AWS_SHARED_CREDENTIALS_FILE=" + filepath.Join(home, ".aws", "credentials"),
		"AWS_EC2_METADATA_DISABLED=true",
	}, run.env...)
	args := []string{"--endpoint-url", s.URL()}
	if run.profile == "" {
		env = append(env, "AWS_REGION="+sandbox.Region, "AWS_ACCESS_KEY_ID="+p.AccessKeyID, "AWS_SECRET_ACCESS_KEY="+p.SecretAccessKey)
		if p.SessionToken != "" {
			env = append(env, "AWS_SESSION_TOKEN="+p.SessionToken)
		}
	} else {
		creds := fmt.Sprintf("[%s]\naws_access_key_id = %s\naws_secret_access_key = %s\n", run.profile, p.AccessKeyID, p.SecretAccessKey)
		if p.SessionToken != "" {
			creds += "aws_session_token = " + p.SessionToken + "\n"
		}
		writeFile(t, filepath.Join(home, ".aws", "credentials"), creds)
		writeFile(t, filepath.Join(home, ".aws", "config"), fmt.Sprintf("[profile %s]\nregion = %s\n", run.profile, sandbox.Region))
		args = append(args, "--profile", run.profile)
	}
	if len(run.intervals) > 0 {
		var b strings.Builder
		b.WriteString("intervals:\n")
		for k, v := range run.intervals {
			fmt.Fprintf(&b, "  %s: %s\n", k, v)
		}
		writeFile(t, filepath.Join(home, ".config", "agdash", "config.yaml"), b.String())
	}
	ctx, cancel := context.WithCancel(context.Background())
	tm, err := term.Start(ctx, agdashBin, append(args, run.args...), env, w, h)
	if err != nil {
		cancel()
		t.Fatal(err)
	}
	t.Cleanup(func() {
		tm.Close()
		cancel()
	})
	return tm, home
}

func writeFile(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
}

func press(t *testing.T, tm *term.Term, keys string) {
	t.Helper()
	if err := tm.Send(keys); err != nil {
		t.Fatal(err)
	}
}

// statusLine is the screen's last line.
func statusLine(screen string) string { return screen[strings.LastIndex(screen, "\n")+1:] }

// awaitScreen waits for cond, failing with what it waited for.
func awaitScreen(t *testing.T, tm *term.Term, timeout time.Duration, what string, cond func(string) bool) string {
	t.Helper()
	s, err := tm.WaitFor(timeout, cond)
	if err != nil {
		t.Fatalf("waiting for %s: %v\n--- screen ---\n%s\n--------------", what, err, s)
	}
	return s
}
