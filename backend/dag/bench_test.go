package dag

import (
	"fmt"
	"testing"
)

func BenchmarkLayout(b *testing.B) {
	for _, n := range []int{50, 200} {
		g, err := Build(syntheticDefinition(n, 1))
		if err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprintf("%d-steps", n), func(b *testing.B) {
			b.ReportAllocs()
			var l *LayeredLayout
			for b.Loop() {
				l = Layout(g)
			}
			b.ReportMetric(float64(l.Crossings), "crossings")
			b.ReportMetric(float64(len(l.Layers)), "layers")
		})
	}
}

func BenchmarkParseAndBuild(b *testing.B) {
	js := readHDB(b)
	b.ReportAllocs()
	for b.Loop() {
		def, err := ParseDefinition(js)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := Build(def); err != nil {
			b.Fatal(err)
		}
	}
}
