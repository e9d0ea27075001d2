package strict

// Kind says what a Node holds.
type Kind int

// Node kinds.
const (
	Null Kind = iota
	Scalar
	Map
	List
)

// Scalar types of a Node.
const (
	TypeString  = "string"
	TypeInteger = "integer"
	TypeNumber  = "number"
	TypeBoolean = "boolean"
)

// Node is a value of the document with its position. Aliases, merge keys
// and tags are already resolved.
type Node struct {
	Kind Kind
	Pos  Pos
	Type string // scalars: TypeString, TypeInteger, TypeNumber or TypeBoolean
	Text string // scalars: the value as written (strings unquoted)
	// Number holds the value of an integer or number; Int that of an
	// integer that fits an int64, with TooLarge set for one that does not.
	Number   float64
	Int      int64
	TooLarge bool
	Bool     bool
	Fields   []Field // Map: in file order, no key twice
	Items    []*Node // List

	// Bad marks a value that could not be read (a broken alias, say);
	// the problem is already reported and decoders skip it.
	Bad    bool
	badMsg string // a problem the parser left for the decoder to report with the path

	literal bool // a string written as a text block (| or >)
	json    bool // read by ParseJSON: described in JSON's words
}

// Field is one field of a mapping Node.
type Field struct {
	Key    string
	KeyPos Pos
	Value  *Node
}

// Field returns the value of the field named key, or nil.
func (n *Node) Field(key string) *Node {
	if n == nil {
		return nil
	}
	for _, f := range n.Fields {
		if f.Key == key {
			return f.Value
		}
	}
	return nil
}

// Describe names the node's type for messages, with the value for
// scalars: `integer 12`, `string "x"`, `a list`, `a mapping`, `nothing`.
func (n *Node) Describe() string {
	if n == nil {
		return "nothing"
	}
	if n.json {
		return describeJSON(n)
	}
	switch n.Kind {
	case Null:
		return "nothing"
	case Map:
		return "a mapping"
	case List:
		return "a list"
	}
	if n.Type == TypeString {
		if n.literal {
			return "text block"
		}
		return "string " + Quote(n.Text)
	}
	return n.Type + " " + n.Text
}

// IsString reports whether n is a string scalar.
func (n *Node) IsString() bool { return n != nil && n.Kind == Scalar && n.Type == TypeString }
