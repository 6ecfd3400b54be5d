package restore

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
)

func TestPlan(t *testing.T) {
	paths := []string{"/200005/notebooks/model.R", "/200005/R & D/<draft>.Rmd"}
	got := Plan("fs-0a1b2c3d4e5f67890", paths)

	for key, want := range map[string]string{
		"file-system-id":  "fs-0a1b2c3d4e5f67890",
		"newFileSystem":   "false",
		"Encrypted":       "false",
		"PerformanceMode": "generalPurpose",
		"itemsToRestore":  `["/200005/notebooks/model.R","/200005/R & D/<draft>.Rmd"]`,
	} {
		if got[key] != want {
			t.Errorf("%s = %q, want %q", key, got[key], want)
		}
	}
	if len(got) != 6 {
		t.Errorf("metadata has %d keys: %v", len(got), got)
	}
	var items []string
	if err := json.Unmarshal([]byte(got["itemsToRestore"]), &items); err != nil || !reflect.DeepEqual(items, paths) {
		t.Errorf("itemsToRestore decodes to %q, %v", items, err)
	}

	token := got["CreationToken"]
	if !strings.HasPrefix(token, "agdash-") || len(token) != len("agdash-")+16 {
		t.Errorf("CreationToken = %q", token)
	}
	if again := Plan("fs-0a1b2c3d4e5f67890", paths)["CreationToken"]; again != token {
		t.Errorf("token not stable: %q then %q", token, again)
	}
	for _, other := range []map[string]string{
		Plan("fs-0a1b2c3d4e5f67890", paths[:1]),
		Plan("fs-99999999999999999", paths),
		Plan("fs-0a1b2c3d4e5f67890", []string{paths[1], paths[0]}),
	} {
		if other["CreationToken"] == token {
			t.Errorf("a different request has the same token %q", token)
		}
	}
}

func TestPlanFromMappedPaths(t *testing.T) {
	items, err := MapPaths("/200005", []string{"notebooks/model.R", "\"quoted\"\\name"}, false)
	if err != nil {
		t.Fatal(err)
	}
	meta := Plan("fs-1", items)
	var decoded []string
	if err := json.Unmarshal([]byte(meta["itemsToRestore"]), &decoded); err != nil || !reflect.DeepEqual(decoded, items) {
		t.Errorf("itemsToRestore %s decodes to %q, %v", meta["itemsToRestore"], decoded, err)
	}
	if Plan("fs-1", nil)["itemsToRestore"] != "[]" {
		t.Errorf("no items = %q", Plan("fs-1", nil)["itemsToRestore"])
	}
}
