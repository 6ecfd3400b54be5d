package probe

import (
	"context"
	"os"
)

// Workdir is a temporary directory that is the dashboard's home while it
// is measured (so no user configuration applies) and, unless a binary was
// given, where agdash is built.
type Workdir struct {
	Home string
	Bin  string
}

// NewWorkdir makes the directory (named after the measuring program) and
// builds agdash into it when bin is "". Remove deletes it.
func NewWorkdir(ctx context.Context, name, bin string) (*Workdir, error) {
	dir, err := os.MkdirTemp("", name+"-")
	if err != nil {
		return nil, err
	}
	w := &Workdir{Home: dir, Bin: bin}
	if w.Bin == "" {
		if w.Bin, err = Build(ctx, dir); err != nil {
			w.Remove()
			return nil, err
		}
	}
	return w, nil
}

// Env gives the dashboard the directory as its home and config home.
func (w *Workdir) Env() []string {
	return []string{"HOME=" + w.Home, "XDG_CONFIG_HOME=" + w.Home + "/.config"}
}

// Remove deletes the directory.
func (w *Workdir) Remove() { _ = os.RemoveAll(w.Home) }
