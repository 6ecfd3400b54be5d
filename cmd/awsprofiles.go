package cmd

import (
	"bufio"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// awsProfiles lists the named profiles of the AWS shared config file
// (AWS_CONFIG_FILE, else ~/.aws/config: [default] and [profile NAME]) and
// credentials file (AWS_SHARED_CREDENTIALS_FILE, else
// ~/.aws/credentials: [NAME]), sorted. Files that are not there add none.
func awsProfiles(getenv func(string) string) []string {
	home := getenv("HOME")
	file := func(env, name string) string {
		if p := getenv(env); p != "" {
			return p
		}
		if home == "" {
			return ""
		}
		return filepath.Join(home, ".aws", name)
	}
	seen := map[string]bool{}
	for _, s := range iniSections(file("AWS_CONFIG_FILE", "config")) {
		switch {
		case s == "default":
			seen[s] = true
		case strings.HasPrefix(s, "profile "):
			if name := strings.TrimSpace(strings.TrimPrefix(s, "profile ")); name != "" {
				seen[name] = true
			}
		}
	}
	for _, s := range iniSections(file("AWS_SHARED_CREDENTIALS_FILE", "credentials")) {
		if s != "" && !strings.ContainsAny(s, " \t") {
			seen[s] = true
		}
	}
	out := make([]string, 0, len(seen))
	for n := range seen {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// iniSections are the [section] names of an INI file, in order.
func iniSections(path string) []string {
	if path == "" {
		return nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]") {
			out = append(out, strings.TrimSpace(line[1:len(line)-1]))
		}
	}
	return out
}

// awsRegions are the regions :region and --region complete.
func awsRegions() []string {
	return []string{
		"af-south-1", "ap-east-1", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3", "ap-south-1", "ap-south-2",
		"ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-4", "ap-southeast-5", "ap-southeast-7",
		"ca-central-1", "ca-west-1", "cn-north-1", "cn-northwest-1", "eu-central-1", "eu-central-2", "eu-north-1",
		"eu-south-1", "eu-south-2", "eu-west-1", "eu-west-2", "eu-west-3", "il-central-1", "me-central-1", "me-south-1",
		"mx-central-1", "sa-east-1", "us-east-1", "us-east-2", "us-gov-east-1", "us-gov-west-1", "us-west-1", "us-west-2",
	}
}
