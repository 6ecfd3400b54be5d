package probe

import (
	"bufio"
	"strings"
	"testing"
	"time"
)

func TestParseStatCPUCountsFromTheCommandsClosingParenthesis(t *testing.T) {
	// A command name with spaces and a parenthesis, as /proc allows; utime
	// 1234 and stime 56 ticks.
	stat := "4242 (agdash (x) y) S 1 4242 4242 34816 4242 4194560 9313 0 0 0 1234 56 0 0 20 0 9 0 123456 1830000640 18000 18446744073709551615\n"
	got, err := parseStatCPU([]byte(stat))
	if err != nil {
		t.Fatal(err)
	}
	if want := 12900 * time.Millisecond; got != want {
		t.Fatalf("CPU = %v, want %v (1,290 ticks of 10 ms)", got, want)
	}
	if _, err := parseStatCPU([]byte("4242 agdash S 1")); err == nil {
		t.Fatal("a line without the name's parentheses was read")
	}
	if _, err := parseStatCPU([]byte("4242 (agdash) S 1 2 3")); err == nil {
		t.Fatal("a truncated line was read")
	}
}

func TestParseVmRSSReadsKilobytes(t *testing.T) {
	status := "Name:\tagdash\nVmPeak:\t 2000000 kB\nVmRSS:\t  153600 kB\nThreads:\t9\n"
	got, err := parseVmRSS(strings.NewReader(status))
	if err != nil {
		t.Fatal(err)
	}
	if got != 150<<20 {
		t.Fatalf("RSS = %d bytes, want 150 MiB", got)
	}
	if _, err := parseVmRSS(strings.NewReader("Name:\tkthreadd\n")); err == nil {
		t.Fatal("a status without VmRSS was read")
	}
}

func TestPrincipalEnvFindsTheNamedUsersExports(t *testing.T) {
	listing := `# agdash sandbox at http://127.0.0.1:4599: paste one block into a shell to act as that principal.

# chua-bee-lian — data-scientist, [hdb-resale-valuation]
export AWS_ENDPOINT_URL=http://127.0.0.1:4599 AWS_ACCESS_KEY_ID=AKIAQ AWS_SECRET_ACCESS_KEY=x AWS_REGION=ap-southeast-1

# lim-jia-hui — data-scientist, [hdb-resale-valuation]
export AWS_ENDPOINT_URL=http://127.0.0.1:4599 AWS_ACCESS_KEY_ID=AKIAL AWS_SECRET_ACCESS_KEY=y/z AWS_REGION=ap-southeast-1
`
	url, env, err := principalEnv(bufio.NewScanner(strings.NewReader(listing)), "lim-jia-hui")
	if err != nil {
		t.Fatal(err)
	}
	if url != "http://127.0.0.1:4599" {
		t.Fatalf("URL = %q", url)
	}
	want := "AWS_ENDPOINT_URL=http://127.0.0.1:4599 AWS_ACCESS_KEY_ID=AKIAL AWS_SECRET_ACCESS_KEY=y/z AWS_REGION=ap-southeast-1"
	if got := strings.Join(env, " "); got != want {
		t.Fatalf("env = %q, want %q", got, want)
	}
	if _, _, err := principalEnv(bufio.NewScanner(strings.NewReader(listing)), "nobody"); err == nil {
		t.Fatal("a principal the sandbox did not print was found")
	}
}

func TestMedian(t *testing.T) {
	ms := func(ns ...int) []time.Duration {
		out := make([]time.Duration, len(ns))
		for i, n := range ns {
			out[i] = time.Duration(n) * time.Millisecond
		}
		return out
	}
	for _, c := range []struct {
		in   []time.Duration
		want time.Duration
	}{
		{nil, 0},
		{ms(7), 7 * time.Millisecond},
		{ms(30, 10, 20), 20 * time.Millisecond},
		{ms(40, 10, 30, 20), 25 * time.Millisecond},
	} {
		if got := Median(c.in); got != c.want {
			t.Errorf("Median(%v) = %v, want %v", c.in, got, c.want)
		}
	}
}

func TestCPUSharePercentOfOneCore(t *testing.T) {
	s := CPUShare{Wall: time.Minute, CPU: 300 * time.Millisecond}
	if got := s.Percent(); got < 0.4999 || got > 0.5001 {
		t.Fatalf("300 ms in a minute = %.4f%%, want 0.5%%", got)
	}
}
