// Command agdash is a terminal dashboard for an MLOps platform on Amazon SageMaker.
package main

import (
	"os"

	"github.com/agdash/agdash/cmd"
)

func main() {
	os.Exit(cmd.Execute(os.Args[1:]))
}
