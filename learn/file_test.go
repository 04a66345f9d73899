package learn

import (
	"errors"
	"math"
	"strings"
	"testing"
)

func TestEncoderDecoderRoundTrip(t *testing.T) {
	e := NewEncoder("toy", 3)
	e.Uvarint(0)
	e.Uvarint(math.MaxUint64)
	e.Varint(-1)
	e.Varint(math.MinInt64)
	e.String("Tokayev")
	e.String("")
	e.Uint16(0xbeef)
	e.Uint32(0xdeadbeef)
	e.Float32(float32(math.Inf(-1)))
	e.Raw("abc")
	data := string(e.Bytes())
	if !strings.HasPrefix(data, "HERALD toy 3\n") {
		t.Fatalf("file starts %q", data[:16])
	}
	d, err := Open(data, "toy", 3)
	if err != nil {
		t.Fatal(err)
	}
	if x := d.Uvarint("a"); x != 0 {
		t.Errorf("Uvarint %d", x)
	}
	if x := d.Uvarint("b"); x != math.MaxUint64 {
		t.Errorf("Uvarint %d", x)
	}
	if x := d.Varint("c"); x != -1 {
		t.Errorf("Varint %d", x)
	}
	if x := d.Varint("d"); x != math.MinInt64 {
		t.Errorf("Varint %d", x)
	}
	if s := d.String("e"); s != "Tokayev" {
		t.Errorf("String %q", s)
	}
	if s := d.String("f"); s != "" {
		t.Errorf("String %q", s)
	}
	if x := d.Uint16("g"); x != 0xbeef {
		t.Errorf("Uint16 %#x", x)
	}
	if x := d.Uint32("h"); x != 0xdeadbeef {
		t.Errorf("Uint32 %#x", x)
	}
	if x := d.Float32("i"); !math.IsInf(float64(x), -1) {
		t.Errorf("Float32 %v", x)
	}
	if s := d.Raw(3, "j"); s != "abc" {
		t.Errorf("Raw %q", s)
	}
	if err := d.Finish(); err != nil {
		t.Fatal(err)
	}
}

func TestOpenSaysWhatItFound(t *testing.T) {
	for _, c := range []struct{ data, want string }{
		{"", "want a toy file"},
		{"\x1f\x8b\x08", "want a toy file"},
		{"HERALD-TAGGER\n", "want a toy file"},
		{"HERALD tagger 4\n", `this is "HERALD tagger 4"`},
		{"HERALD toy 2\n", "toy file of version 2, want 3"},
		{"HERALD toy three\n", "toy file of version three, want 3"},
	} {
		_, err := Open(c.data, "toy", 3)
		if !errors.Is(err, ErrFormat) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("Open(%q): %v, want ErrFormat saying %q", c.data, err, c.want)
		}
	}
}

func TestDecoderKeepsTheFirstErrorAndWhere(t *testing.T) {
	e := NewEncoder("toy", 1)
	e.Uvarint(5)
	d, err := Open(string(e.Bytes()), "toy", 1)
	if err != nil {
		t.Fatal(err)
	}
	if n := d.Count("words", 10); n != 0 {
		t.Errorf("Count %d from a file with no room for them", n)
	}
	d.String("form")
	err = d.Finish()
	if !errors.Is(err, ErrFormat) || !strings.Contains(err.Error(), "toy, byte 13: 5 words, more than 0") {
		t.Errorf("error %v", err)
	}
	d, _ = Open("HERALD toy 1\n\xff", "toy", 1)
	d.Uvarint("count")
	if err := d.Finish(); err == nil || !strings.Contains(err.Error(), "count: truncated") {
		t.Errorf("error %v", err)
	}
	d, _ = Open("HERALD toy 1\n\x00", "toy", 1)
	if err := d.Finish(); err == nil || !strings.Contains(err.Error(), "1 bytes after the end") {
		t.Errorf("error %v", err)
	}
}
