package config

import (
	"os"
	"strings"
	"testing"
)

const configDoc = "../../docs/CONFIG.md"

// docs/CONFIG.md shows the file `agdash config init` writes, as it is now.
func TestConfigDocShowsTheDefaultFile(t *testing.T) {
	doc, err := os.ReadFile(configDoc)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(doc), "```yaml\n"+string(DefaultFile())+"```\n") {
		t.Fatal("docs/CONFIG.md does not end with the current default file: paste the output of `agdash config init` into it")
	}
}

// Every key the file accepts has a row in docs/CONFIG.md's table.
func TestConfigDocDescribesEveryKey(t *testing.T) {
	doc, err := os.ReadFile(configDoc)
	if err != nil {
		t.Fatal(err)
	}
	var missing []string
	check := func(path string) {
		if !strings.Contains(string(doc), "| `"+path+"` |") {
			missing = append(missing, path)
		}
	}
	for _, top := range knownKeys("config.Config") {
		switch top {
		case "theme":
			check(top)
		case "intervals":
			for _, k := range knownKeys("config.Intervals") {
				check("intervals." + k)
			}
		case "health":
			for _, k := range knownKeys("health.Thresholds") {
				check("health.default." + k)
			}
			check("health.endpoints.NAME.*")
		case "tag_keys":
			for _, k := range knownKeys("domain.TagKeys") {
				check("tag_keys." + k)
			}
		case "samples":
			for _, k := range knownKeys("config.Sample") {
				check("samples.NAME." + k)
			}
		case "backups":
			for _, k := range knownKeys("config.Backups") {
				check("backups." + k)
			}
		case "keys":
			check("keys.BINDING")
		default:
			missing = append(missing, top+" (a section this test does not know)")
		}
	}
	if len(missing) > 0 {
		t.Fatalf("docs/CONFIG.md has no row for: %s", strings.Join(missing, ", "))
	}
}
