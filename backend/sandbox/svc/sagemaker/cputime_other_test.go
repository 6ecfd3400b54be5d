//go:build !unix

package sagemaker_test

import "time"

// processCPU is unknown off Unix.
func processCPU() (time.Duration, bool) { return 0, false }
