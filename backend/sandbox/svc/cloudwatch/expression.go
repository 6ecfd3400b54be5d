package cloudwatch

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode"
)

// Metric math, the part the sandbox supports: arithmetic (+ - * / ^, unary
// minus, parentheses) over numbers and the ids of other queries. Series
// combine point by point on the timestamps they share, as CloudWatch
// aligns them; a point whose result is not a finite number is dropped.

// expr is a parsed expression.
type expr interface{ isExpr() }

type numExpr float64

type refExpr string

type negExpr struct{ x expr }

type binExpr struct {
	op   byte
	l, r expr
}

func (numExpr) isExpr() {}
func (refExpr) isExpr() {}
func (negExpr) isExpr() {}
func (binExpr) isExpr() {}

// exprError is why an expression cannot be used.
type exprError struct{ msg string }

func (e exprError) Error() string { return e.msg }

// parseExpression parses s; errors are exprError.
func parseExpression(s string) (expr, error) {
	p := &exprParser{src: s}
	p.next()
	e, err := p.sum()
	if err != nil {
		return nil, err
	}
	if p.tok.kind != tokEOF {
		return nil, p.fail("unexpected %q", p.tok.text)
	}
	return e, nil
}

// refs lists the query ids e reads, each once, in order of appearance.
func refs(e expr) []string {
	var out []string
	var walk func(expr)
	walk = func(e expr) {
		switch x := e.(type) {
		case refExpr:
			for _, r := range out {
				if r == string(x) {
					return
				}
			}
			out = append(out, string(x))
		case negExpr:
			walk(x.x)
		case binExpr:
			walk(x.l)
			walk(x.r)
		}
	}
	walk(e)
	return out
}

type tokKind int

const (
	tokEOF tokKind = iota
	tokNum
	tokIdent
	tokOp
)

type token struct {
	kind tokKind
	text string
	pos  int
}

type exprParser struct {
	src string
	pos int
	tok token
}

func (p *exprParser) fail(format string, args ...any) error {
	return exprError{fmt.Sprintf("Error in expression %q at position %d: %s", p.src, p.tok.pos+1, fmt.Sprintf(format, args...))}
}

// next reads the next token into p.tok.
func (p *exprParser) next() {
	for p.pos < len(p.src) && unicode.IsSpace(rune(p.src[p.pos])) {
		p.pos++
	}
	start := p.pos
	if p.pos >= len(p.src) {
		p.tok = token{kind: tokEOF, pos: start}
		return
	}
	c := p.src[p.pos]
	switch {
	case c >= '0' && c <= '9' || c == '.':
		for p.pos < len(p.src) && (isDigit(p.src[p.pos]) || p.src[p.pos] == '.') {
			p.pos++
		}
		// An exponent: 1e6, 2.5E-3.
		if p.pos < len(p.src) && (p.src[p.pos] == 'e' || p.src[p.pos] == 'E') {
			q := p.pos + 1
			if q < len(p.src) && (p.src[q] == '+' || p.src[q] == '-') {
				q++
			}
			if q < len(p.src) && isDigit(p.src[q]) {
				for q < len(p.src) && isDigit(p.src[q]) {
					q++
				}
				p.pos = q
			}
		}
		p.tok = token{kind: tokNum, text: p.src[start:p.pos], pos: start}
	case c == '_' || unicode.IsLetter(rune(c)):
		for p.pos < len(p.src) && (p.src[p.pos] == '_' || isDigit(p.src[p.pos]) || unicode.IsLetter(rune(p.src[p.pos]))) {
			p.pos++
		}
		p.tok = token{kind: tokIdent, text: p.src[start:p.pos], pos: start}
	default:
		p.pos++
		p.tok = token{kind: tokOp, text: string(c), pos: start}
	}
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// sum := product (('+' | '-') product)*
func (p *exprParser) sum() (expr, error) {
	l, err := p.product()
	if err != nil {
		return nil, err
	}
	for p.tok.kind == tokOp && (p.tok.text == "+" || p.tok.text == "-") {
		op := p.tok.text[0]
		p.next()
		r, err := p.product()
		if err != nil {
			return nil, err
		}
		l = binExpr{op: op, l: l, r: r}
	}
	return l, nil
}

// product := unary (('*' | '/') unary)*
func (p *exprParser) product() (expr, error) {
	l, err := p.unary()
	if err != nil {
		return nil, err
	}
	for p.tok.kind == tokOp && (p.tok.text == "*" || p.tok.text == "/") {
		op := p.tok.text[0]
		p.next()
		r, err := p.unary()
		if err != nil {
			return nil, err
		}
		l = binExpr{op: op, l: l, r: r}
	}
	return l, nil
}

// unary := '-' unary | '+' unary | power
func (p *exprParser) unary() (expr, error) {
	if p.tok.kind == tokOp && (p.tok.text == "-" || p.tok.text == "+") {
		neg := p.tok.text == "-"
		p.next()
		x, err := p.unary()
		if err != nil || !neg {
			return x, err
		}
		return negExpr{x}, nil
	}
	return p.power()
}

// power := primary ('^' unary)?   (right-associative)
func (p *exprParser) power() (expr, error) {
	base, err := p.primary()
	if err != nil {
		return nil, err
	}
	if p.tok.kind == tokOp && p.tok.text == "^" {
		p.next()
		exp, err := p.unary()
		if err != nil {
			return nil, err
		}
		return binExpr{op: '^', l: base, r: exp}, nil
	}
	return base, nil
}

// primary := number | id | '(' sum ')'
func (p *exprParser) primary() (expr, error) {
	t := p.tok
	switch t.kind {
	case tokNum:
		v, err := strconv.ParseFloat(t.text, 64)
		if err != nil {
			return nil, p.fail("%q is not a number", t.text)
		}
		p.next()
		return numExpr(v), nil
	case tokIdent:
		p.next()
		if p.tok.kind == tokOp && p.tok.text == "(" {
			return nil, exprError{fmt.Sprintf("Error in expression %q: function %s is not supported by the sandbox; "+
				"it supports arithmetic (+ - * / ^) over numbers and query ids.", p.src, strings.ToUpper(t.text))}
		}
		return refExpr(t.text), nil
	case tokOp:
		if t.text == "(" {
			p.next()
			e, err := p.sum()
			if err != nil {
				return nil, err
			}
			if p.tok.kind != tokOp || p.tok.text != ")" {
				return nil, p.fail("missing ')'")
			}
			p.next()
			return e, nil
		}
		return nil, p.fail("unexpected %q", t.text)
	}
	return nil, p.fail("unexpected end of expression")
}

// series is a time series: ascending unix-second timestamps and values.
type series struct {
	ts []int64
	vs []float64
}

// value is an expression's result: a constant or a series.
type value struct {
	constant bool
	c        float64
	s        series
}

// evaluate computes e; lookup gives each referenced id's series.
func evaluate(e expr, lookup func(id string) (series, error)) (value, error) {
	switch x := e.(type) {
	case numExpr:
		return value{constant: true, c: float64(x)}, nil
	case refExpr:
		s, err := lookup(string(x))
		return value{s: s}, err
	case negExpr:
		v, err := evaluate(x.x, lookup)
		if err != nil {
			return value{}, err
		}
		return apply('*', value{constant: true, c: -1}, v), nil
	case binExpr:
		l, err := evaluate(x.l, lookup)
		if err != nil {
			return value{}, err
		}
		r, err := evaluate(x.r, lookup)
		if err != nil {
			return value{}, err
		}
		return apply(x.op, l, r), nil
	}
	return value{}, fmt.Errorf("unknown expression node %T", e)
}

func arith(op byte, a, b float64) float64 {
	switch op {
	case '+':
		return a + b
	case '-':
		return a - b
	case '*':
		return a * b
	case '/':
		return a / b
	default:
		return math.Pow(a, b)
	}
}

func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

// apply combines two values point by point.
func apply(op byte, l, r value) value {
	if l.constant && r.constant {
		return value{constant: true, c: arith(op, l.c, r.c)}
	}
	var out series
	add := func(t int64, v float64) {
		if finite(v) {
			out.ts = append(out.ts, t)
			out.vs = append(out.vs, v)
		}
	}
	switch {
	case l.constant:
		for i, t := range r.s.ts {
			add(t, arith(op, l.c, r.s.vs[i]))
		}
	case r.constant:
		for i, t := range l.s.ts {
			add(t, arith(op, l.s.vs[i], r.c))
		}
	default:
		i, k := 0, 0
		for i < len(l.s.ts) && k < len(r.s.ts) {
			switch {
			case l.s.ts[i] < r.s.ts[k]:
				i++
			case l.s.ts[i] > r.s.ts[k]:
				k++
			default:
				add(l.s.ts[i], arith(op, l.s.vs[i], r.s.vs[k]))
				i++
				k++
			}
		}
	}
	return value{s: out}
}
