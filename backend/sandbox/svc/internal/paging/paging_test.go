package paging

import (
	"errors"
	"slices"
	"testing"
)

var errInvalid = errors.New("invalid token")

func testTokens() Tokens {
	return Tokens{Prefix: "t1:", Invalid: func(string) error { return errInvalid }}
}

func ident(s string) string { return s }

// TestPagesWalkTheWholeList: following next tokens visits every item once,
// in key order, size at a time.
func TestPagesWalkTheWholeList(t *testing.T) {
	items := []string{"e", "a", "d", "b", "c"}
	var got [][]string
	var token *string
	for range 10 {
		page, next, err := SortedPage(testTokens(), items, ident, token, 2)
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, page)
		if next == nil {
			break
		}
		token = next
	}
	want := [][]string{{"a", "b"}, {"c", "d"}, {"e"}}
	if !slices.EqualFunc(got, want, slices.Equal) {
		t.Errorf("pages = %v, want %v", got, want)
	}
	if !slices.Equal(items, []string{"e", "a", "d", "b", "c"}) {
		t.Errorf("SortedPage reordered the caller's slice: %v", items)
	}
}

// TestTokenResumesAfterItsKey: a token names the last key served, so items
// added before it do not shift the next page.
func TestTokenResumesAfterItsKey(t *testing.T) {
	_, next, err := Page(testTokens(), []string{"a", "c", "e"}, ident, nil, 2)
	if err != nil || next == nil {
		t.Fatalf("first page: next %v, err %v", next, err)
	}
	if key, err := testTokens().Decode(*next); err != nil || key != "c" {
		t.Fatalf("next token decodes to %q, %v; want c", key, err)
	}
	page, last, err := Page(testTokens(), []string{"a", "b", "c", "d", "e"}, ident, next, 2)
	if err != nil || !slices.Equal(page, []string{"d", "e"}) || last != nil {
		t.Errorf("after c = %v (next %v, err %v), want [d e] and no next", page, last, err)
	}
}

func TestForeignTokensAreRefused(t *testing.T) {
	other := Tokens{Prefix: "x9:", Invalid: testTokens().Invalid}.Encode("a")
	for _, token := range []string{"not base64!", other, ""} {
		if _, _, err := Page(testTokens(), []string{"a", "b"}, ident, &token, 1); !errors.Is(err, errInvalid) {
			t.Errorf("token %q: err = %v, want the service's invalid-token error", token, err)
		}
	}
}
