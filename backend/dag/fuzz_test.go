package dag

import (
	"testing"
)

// FuzzParseDefinition feeds arbitrary text where AWS's definition JSON
// goes: parsing must never panic, and whatever parses and builds must lay
// out with every renderer invariant intact.
func FuzzParseDefinition(f *testing.F) {
	f.Add(readHDB(f))
	f.Add(`{"Steps":[{"Name":"A"},{"Name":"B","DependsOn":["A"]},{"Name":"C","Type":"Condition","Arguments":{"IfSteps":["A"],"ElseSteps":[{"Name":"D","Arguments":{"x":{"Get":"Steps.B.y"}}}]}}]}`)
	f.Add(`{"Steps":[{"Name":"A","DependsOn":["B"]},{"Name":"B","DependsOn":["A"]}]}`)
	f.Add(`{"Parameters":[{"Name":"P","Type":"Float","DefaultValue":1e999}],"Steps":[]}`)
	f.Add(`{"Steps":[{"Name":"A","Arguments":{"Get":"Steps."}}]}`)
	f.Add(`[]`)
	f.Add(``)
	f.Fuzz(func(t *testing.T, js string) {
		def, err := ParseDefinition(js)
		if err != nil {
			return
		}
		g, err := Build(def)
		if err != nil {
			return
		}
		if len(g.Nodes) != len(def.Steps) {
			t.Fatalf("%d nodes for %d steps", len(g.Nodes), len(def.Steps))
		}
		checkLayout(t, g, Layout(g))
	})
}
