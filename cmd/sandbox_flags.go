package cmd

import "github.com/spf13/pflag"

// bindWorld binds the flags that shape the sandbox's world.
func (s *sandboxFlags) bindWorld(f *pflag.FlagSet) {
	f.Int64Var(&s.seed, "sandbox-seed", 1, "seed that makes the sandbox account reproducible")
	f.Float64Var(&s.speed, "sandbox-speed", 1, "run the sandbox's clock this many times faster than real time")
	f.Float64Var(&s.scale, "sandbox-scale", 1, "multiply the sandbox's training-job history (e.g. 300 for ~100,000 jobs)")
	f.StringVar(&s.scenario, "sandbox-scenario", "", "describe your own sandbox account in this YAML file")
}
