package iam

import "fmt"

// Keyring finds a principal by its access key. It is built once and never
// changed, so it is safe for concurrent use.
type Keyring struct {
	byKey map[string]Principal
}

// NewKeyring indexes principals by access key. Every principal needs an
// access key and a secret, and no two may share an access key.
func NewKeyring(principals []Principal) (*Keyring, error) {
	k := &Keyring{byKey: make(map[string]Principal, len(principals))}
	for i, p := range principals {
		switch {
		case p.AccessKeyID == "":
			return nil, fmt.Errorf("iam: principal %d (%s) has no access key id", i, p.ARN)
		case p.SecretAccessKey == "":
			return nil, fmt.Errorf("iam: principal %s has no secret access key", p.AccessKeyID)
		}
		if _, dup := k.byKey[p.AccessKeyID]; dup {
			return nil, fmt.Errorf("iam: access key %s is given to two principals", p.AccessKeyID)
		}
		p.Projects = append([]string(nil), p.Projects...)
		k.byKey[p.AccessKeyID] = p
	}
	return k, nil
}

// Lookup returns the principal that owns accessKeyID.
func (k *Keyring) Lookup(accessKeyID string) (Principal, bool) {
	if k == nil {
		return Principal{}, false
	}
	p, ok := k.byKey[accessKeyID]
	return p, ok
}
