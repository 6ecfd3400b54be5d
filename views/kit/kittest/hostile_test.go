package kittest

import (
	"testing"
)

type inner struct {
	Name string
	Tags map[string]string
}

type outer struct {
	Title  string
	Items  []inner
	Ptr    *inner
	Arr    [2]string
	hidden string
	Count  int
}

// Poison reaches every exported string, however it is held.
func TestPoisonReachesEveryString(t *testing.T) {
	v := outer{Title: "t", Items: []inner{{Name: "a", Tags: map[string]string{"k": "v"}}}, Ptr: &inner{Name: "p"}, Arr: [2]string{"x", "y"}, hidden: "h", Count: 3}
	Poison(&v, "\x1b[2J")
	for what, s := range map[string]string{"Title": v.Title, "Items[0].Name": v.Items[0].Name, "Ptr.Name": v.Ptr.Name, "Arr[0]": v.Arr[0], "Arr[1]": v.Arr[1]} {
		if s != "\x1b[2J" {
			t.Errorf("%s = %q, not poisoned", what, s)
		}
	}
	for k, val := range v.Items[0].Tags {
		if k[:4] != "\x1b[2J" || val != "\x1b[2J" {
			t.Errorf("map entry %q: %q, not poisoned", k, val)
		}
	}
	if v.hidden != "h" || v.Count != 3 {
		t.Errorf("unexported or non-string fields changed: %+v", v)
	}
}
