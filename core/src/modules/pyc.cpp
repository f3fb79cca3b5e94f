// .pyc files: PEP 552 headers, CPython's marshal format (Python/marshal.c,
// version 4) for code objects, and the 3.11 line and exception tables
// (Objects/locations.md, Objects/exception_handling_notes.txt).
#include "pylife/pyc.h"

#include <cstring>
#include <map>
#include <set>

#include "pylife/bigint.h"
#include "pylife/hash.h"
#include "pylife/opcodes.h"
#include "pylife/unicode.h"

namespace pylife::pyc {

using compile::CodeObject;
using compile::Const;
using compile::ExceptionEntry;
using compile::Position;

namespace {

// marshal type codes.
enum : uint8_t {
  kNull = '0',
  kNone = 'N',
  kFalse = 'F',
  kTrue = 'T',
  kStopIter = 'S',
  kEllipsis = '.',
  kInt = 'i',
  kInt64 = 'I',
  kFloat = 'f',
  kBinaryFloat = 'g',
  kComplex = 'x',
  kBinaryComplex = 'y',
  kLong = 'l',
  kString = 's',
  kInterned = 't',
  kRef = 'r',
  kTuple = '(',
  kList = '[',
  kDict = '{',
  kCode = 'c',
  kUnicode = 'u',
  kUnknown = '?',
  kSet = '<',
  kFrozenset = '>',
  kAscii = 'a',
  kAsciiInterned = 'A',
  kSmallTuple = ')',
  kShortAscii = 'z',
  kShortAsciiInterned = 'Z',
  kFlagRef = 0x80,
};

// co_localspluskinds bits.
constexpr uint8_t kFastLocal = 0x20, kFastCell = 0x40, kFastFree = 0x80;

constexpr int kMaxDepth = 2000;  // MAX_MARSHAL_STACK_DEPTH

bool is_ascii(std::string_view s) {
  for (unsigned char c : s) {
    if (c >= 0x80) return false;
  }
  return true;
}

// CPython interns string constants made only of name characters
// (all_name_chars) and every name.
bool all_name_chars(std::string_view s) {
  for (unsigned char c : s) {
    if (!(c == '_' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) return false;
  }
  return true;
}

// ---- writing ------------------------------------------------------------------------------

class Writer {
 public:
  std::string out;

  void byte(uint8_t b) { out.push_back(static_cast<char>(b)); }
  void u16(uint16_t v) {
    byte(v & 0xFF);
    byte(v >> 8);
  }
  void u32(uint32_t v) {
    for (int i = 0; i < 4; ++i) byte(static_cast<uint8_t>(v >> (8 * i)));
  }
  void u64(uint64_t v) {
    for (int i = 0; i < 8; ++i) byte(static_cast<uint8_t>(v >> (8 * i)));
  }
  void f64(double d) {
    uint64_t bits;
    std::memcpy(&bits, &d, sizeof bits);
    u64(bits);
  }
  void raw(std::string_view s) { out.append(s); }

  // A str: the first occurrence of a (text, interned) pair carries
  // FLAG_REF, later ones are back-references (as CPython's w_ref does for
  // the shared objects of a code object: names, the file name).
  void str(const std::string& s, bool interned) {
    auto key = std::make_pair(s, interned);
    auto it = refs_.find(key);
    if (it != refs_.end()) {
      byte(kRef);
      u32(it->second);
      return;
    }
    refs_.emplace(key, next_ref_++);
    bool ascii = is_ascii(s);
    if (ascii && s.size() < 256) {
      byte((interned ? kShortAsciiInterned : kShortAscii) | kFlagRef);
      byte(static_cast<uint8_t>(s.size()));
    } else {
      byte((ascii ? (interned ? kAsciiInterned : kAscii) : (interned ? kInterned : kUnicode)) | kFlagRef);
      u32(static_cast<uint32_t>(s.size()));
    }
    raw(s);
  }

  void bytes(std::string_view s) {
    byte(kString);
    u32(static_cast<uint32_t>(s.size()));
    raw(s);
  }

  void tuple_header(size_t n) {
    if (n < 256) {
      byte(kSmallTuple);
      byte(static_cast<uint8_t>(n));
    } else {
      byte(kTuple);
      u32(static_cast<uint32_t>(n));
    }
  }

  void names(const std::vector<std::string>& v) {
    tuple_header(v.size());
    for (const auto& s : v) str(s, true);
  }

  void integer(const std::string& decimal) {
    std::string error;
    auto v = BigInt::parse(decimal, 10, &error);
    BigInt n = v ? *v : BigInt(0);
    if (n.fits_int64() && n.to_int64() >= INT32_MIN && n.to_int64() <= INT32_MAX) {
      byte(kInt);
      u32(static_cast<uint32_t>(static_cast<int32_t>(n.to_int64())));
      return;
    }
    // 15-bit digits, least significant first; the sign in the count.
    std::vector<uint16_t> digits;
    BigInt m = n.abs();
    BigInt mask(0x7FFF);
    while (!m.is_zero()) {
      digits.push_back(static_cast<uint16_t>((m & mask).to_int64()));
      m = m.shift_right(15);
    }
    byte(kLong);
    int32_t count = static_cast<int32_t>(digits.size());
    u32(static_cast<uint32_t>(n.negative() ? -count : count));
    for (uint16_t d : digits) u16(d);
  }

  void constant(const Const& c) {
    switch (c.kind) {
      case Const::Kind::kNone: byte(kNone); break;
      case Const::Kind::kTrue: byte(kTrue); break;
      case Const::Kind::kFalse: byte(kFalse); break;
      case Const::Kind::kEllipsis: byte(kEllipsis); break;
      case Const::Kind::kInt: integer(c.text); break;
      case Const::Kind::kFloat:
        byte(kBinaryFloat);
        f64(c.number);
        break;
      case Const::Kind::kComplex:
        byte(kBinaryComplex);
        f64(c.real);
        f64(c.number);
        break;
      case Const::Kind::kStr: str(c.text, all_name_chars(c.text)); break;
      case Const::Kind::kBytes: bytes(c.text); break;
      case Const::Kind::kTuple:
        tuple_header(c.items.size());
        for (const auto& i : c.items) constant(i);
        break;
      case Const::Kind::kFrozenset:
        byte(kFrozenset);
        u32(static_cast<uint32_t>(c.items.size()));
        for (const auto& i : c.items) constant(i);
        break;
      case Const::Kind::kCode: code(*c.code); break;
    }
  }

  void code(const CodeObject& co) {
    byte(kCode | kFlagRef);
    ++next_ref_;
    u32(static_cast<uint32_t>(co.argcount));
    u32(static_cast<uint32_t>(co.posonlyargcount));
    u32(static_cast<uint32_t>(co.kwonlyargcount));
    u32(static_cast<uint32_t>(co.stacksize));
    u32(static_cast<uint32_t>(co.flags));
    bytes(std::string_view(reinterpret_cast<const char*>(co.code.data()), co.code.size()));
    tuple_header(co.consts.size());
    for (const auto& c : co.consts) constant(c);
    names(co.names);
    std::vector<std::string> plus = co.localsplus();
    names(plus);
    std::string kinds;
    auto member = [](const std::vector<std::string>& v, const std::string& s) {
      for (const auto& x : v) {
        if (x == s) return true;
      }
      return false;
    };
    for (const auto& n : plus) {
      uint8_t k = 0;
      if (member(co.varnames, n)) k |= kFastLocal;
      if (member(co.cellvars, n)) k |= kFastCell;
      if (member(co.freevars, n)) k |= kFastFree;
      kinds.push_back(static_cast<char>(k));
    }
    bytes(kinds);
    str(co.filename, false);
    str(co.name, true);
    str(co.qualname, true);
    u32(static_cast<uint32_t>(co.firstlineno));
    bytes(encode_linetable(co));
    bytes(encode_exception_table(co.exceptiontable));
  }

 private:
  std::map<std::pair<std::string, bool>, uint32_t> refs_;
  uint32_t next_ref_ = 0;
};

// ---- reading ------------------------------------------------------------------------------

class Reader {
 public:
  Reader(std::string_view data, uint32_t base, ReadResult* result, bool spans)
      : data_(data), base_(base), result_(result), spans_(spans) {}

  bool failed() const { return !error_.empty(); }
  const std::string& error() const { return error_; }

  // One object (a Const; code objects included).
  bool object(Const* out, const std::string& label) {
    if (failed()) return false;
    if (++depth_ > kMaxDepth) return fail("recursion limit exceeded");
    size_t start = pos_;
    bool ok = object_inner(out, label, start);
    --depth_;
    return ok;
  }

  size_t pos() const { return pos_; }

 private:
  bool fail(const std::string& e) {
    if (error_.empty()) error_ = e;
    return false;
  }
  bool need(size_t n) {
    if (data_.size() - pos_ < n) return fail("marshal data too short");
    return true;
  }
  bool byte(uint8_t* b) {
    if (pos_ >= data_.size()) return fail("EOF read where object expected");
    *b = static_cast<uint8_t>(data_[pos_++]);
    return true;
  }
  bool u32(uint32_t* v) {
    if (!need(4)) return false;
    *v = 0;
    for (int i = 3; i >= 0; --i) *v = (*v << 8) | static_cast<uint8_t>(data_[pos_ + static_cast<size_t>(i)]);
    pos_ += 4;
    return true;
  }
  bool i32(int32_t* v) {
    uint32_t u;
    if (!u32(&u)) return false;
    *v = static_cast<int32_t>(u);
    return true;
  }
  bool f64(double* d) {
    if (!need(8)) return false;
    uint64_t bits = 0;
    for (int i = 7; i >= 0; --i) bits = (bits << 8) | static_cast<uint8_t>(data_[pos_ + static_cast<size_t>(i)]);
    pos_ += 8;
    std::memcpy(d, &bits, sizeof bits);
    return true;
  }
  bool text(size_t n, std::string* out, const char* what) {
    if (data_.size() - pos_ < n) return fail(std::string("bad marshal data (") + what + " size out of range)");
    out->assign(data_.substr(pos_, n));
    pos_ += n;
    return true;
  }
  bool size32(size_t* n, const char* what) {
    int32_t v;
    if (!i32(&v)) return false;
    if (v < 0 || static_cast<size_t>(v) > data_.size() - pos_) {
      return fail(std::string("bad marshal data (") + what + " size out of range)");
    }
    *n = static_cast<size_t>(v);
    return true;
  }

  void span(size_t begin, size_t end, Span::Kind kind, std::string what, int instr = -1) {
    if (!spans_) return;
    Span s;
    s.begin = base_ + static_cast<uint32_t>(begin);
    s.end = base_ + static_cast<uint32_t>(end);
    s.depth = depth_;
    s.kind = kind;
    s.what = std::move(what);
    s.code_index = code_index_;
    s.instr_offset = instr;
    result_->spans.push_back(std::move(s));
  }

  bool object_inner(Const* out, const std::string& label, size_t start) {
    uint8_t code;
    if (!byte(&code)) return false;
    bool flag = (code & kFlagRef) != 0;
    uint8_t type = code & 0x7F;
    size_t ref_slot = SIZE_MAX;
    if (flag && type != kRef) {
      ref_slot = refs_.size();
      refs_.emplace_back();
    }
    bool ok = true;
    std::string what;
    switch (type) {
      case kNone: out->kind = Const::Kind::kNone; break;
      case kTrue: out->kind = Const::Kind::kTrue; break;
      case kFalse: out->kind = Const::Kind::kFalse; break;
      case kEllipsis: out->kind = Const::Kind::kEllipsis; break;
      case kNull:
      case kStopIter:
      case kList:
      case kDict:
      case kSet:
      case kUnknown:
        return fail("bad marshal data (an object a code object cannot hold)");
      case kInt: {
        int32_t v;
        if (!i32(&v)) return false;
        out->kind = Const::Kind::kInt;
        out->text = std::to_string(v);
        break;
      }
      case kInt64: {
        uint32_t lo, hi;
        if (!u32(&lo) || !u32(&hi)) return false;
        out->kind = Const::Kind::kInt;
        out->text = std::to_string(static_cast<int64_t>((static_cast<uint64_t>(hi) << 32) | lo));
        break;
      }
      case kLong: {
        int32_t n;
        if (!i32(&n)) return false;
        if (n < -(1 << 24) || n > (1 << 24)) return fail("bad marshal data (long size out of range)");
        size_t count = static_cast<size_t>(n < 0 ? -static_cast<int64_t>(n) : n);
        if (!need(2 * count)) return false;
        BigInt v(0);
        for (size_t i = count; i-- > 0;) {
          size_t at = pos_ + 2 * i;
          int d = static_cast<uint8_t>(data_[at]) | (static_cast<uint8_t>(data_[at + 1]) << 8);
          if (d > 0x7FFF) return fail("bad marshal data (digit out of range in long)");
          v = v.shift_left(15) + BigInt(d);
        }
        pos_ += 2 * count;
        if (n < 0) v = -v;
        out->kind = Const::Kind::kInt;
        out->text = v.to_string();
        break;
      }
      case kFloat:
      case kComplex: {
        // The old text forms: a length byte, then repr() text.
        auto read_text_float = [&](double* d) {
          uint8_t n;
          std::string t;
          if (!byte(&n) || !text(n, &t, "float")) return false;
          char* end = nullptr;
          *d = std::strtod(t.c_str(), &end);
          return true;
        };
        if (type == kFloat) {
          out->kind = Const::Kind::kFloat;
          ok = read_text_float(&out->number);
        } else {
          out->kind = Const::Kind::kComplex;
          ok = read_text_float(&out->real) && read_text_float(&out->number);
        }
        break;
      }
      case kBinaryFloat:
        out->kind = Const::Kind::kFloat;
        ok = f64(&out->number);
        break;
      case kBinaryComplex:
        out->kind = Const::Kind::kComplex;
        ok = f64(&out->real) && f64(&out->number);
        break;
      case kString: {
        size_t n;
        out->kind = Const::Kind::kBytes;
        ok = size32(&n, "bytes object") && text(n, &out->text, "bytes object");
        break;
      }
      case kUnicode:
      case kInterned:
      case kAscii:
      case kAsciiInterned: {
        size_t n;
        out->kind = Const::Kind::kStr;
        ok = size32(&n, "string") && text(n, &out->text, "string");
        if (ok && (type == kAscii || type == kAsciiInterned) && !is_ascii(out->text)) {
          return fail("bad marshal data (non-ASCII text in an ASCII string)");
        }
        break;
      }
      case kShortAscii:
      case kShortAsciiInterned: {
        uint8_t n;
        out->kind = Const::Kind::kStr;
        ok = byte(&n) && text(n, &out->text, "string");
        if (ok && !is_ascii(out->text)) return fail("bad marshal data (non-ASCII text in an ASCII string)");
        break;
      }
      case kSmallTuple:
      case kTuple:
      case kFrozenset: {
        size_t n;
        if (type == kSmallTuple) {
          uint8_t b;
          if (!byte(&b)) return false;
          n = b;
          if (n > data_.size() - pos_) return fail("bad marshal data (tuple size out of range)");
        } else if (!size32(&n, type == kFrozenset ? "set" : "tuple")) {
          return false;
        }
        out->kind = type == kFrozenset ? Const::Kind::kFrozenset : Const::Kind::kTuple;
        out->items.resize(n);
        for (size_t i = 0; i < n && ok; ++i) {
          ok = object(&out->items[i], label + "[" + std::to_string(i) + "]");
        }
        break;
      }
      case kRef: {
        uint32_t idx;
        if (!u32(&idx)) return false;
        if (idx >= refs_.size() || !refs_[idx].filled) return fail("bad marshal data (invalid reference)");
        *out = refs_[idx].value;
        what = label + ": reference #" + std::to_string(idx) + " to " + brief(*out);
        break;
      }
      case kCode:
        ok = code_object(out, label, start);
        break;
      default:
        return fail("bad marshal data (unknown type code)");
    }
    if (!ok) return false;
    if (ref_slot != SIZE_MAX) {
      refs_[ref_slot].value = *out;
      refs_[ref_slot].filled = true;
    }
    if (type != kCode) {
      if (what.empty()) what = label + ": " + type_name(type) + " " + brief(*out);
      if (flag && type != kRef) what += " (FLAG_REF #" + std::to_string(ref_slot) + ")";
      span(start, pos_, kind_of(type), what);
    }
    return true;
  }

  static Span::Kind kind_of(uint8_t type) {
    switch (type) {
      case kInt: case kInt64: case kLong: case kFloat: case kBinaryFloat: case kComplex: case kBinaryComplex:
        return Span::Kind::kNumber;
      case kUnicode: case kInterned: case kAscii: case kAsciiInterned: case kShortAscii: case kShortAsciiInterned:
      case kString:
        return Span::Kind::kString;
      case kSmallTuple: case kTuple: case kFrozenset: return Span::Kind::kContainer;
      case kRef: return Span::Kind::kRef;
      default: return Span::Kind::kConstant;
    }
  }

  static std::string type_name(uint8_t type) {
    switch (type) {
      case kNone: return "TYPE_NONE";
      case kTrue: return "TYPE_TRUE";
      case kFalse: return "TYPE_FALSE";
      case kEllipsis: return "TYPE_ELLIPSIS";
      case kInt: return "TYPE_INT";
      case kInt64: return "TYPE_INT64";
      case kLong: return "TYPE_LONG";
      case kFloat: return "TYPE_FLOAT";
      case kBinaryFloat: return "TYPE_BINARY_FLOAT";
      case kComplex: return "TYPE_COMPLEX";
      case kBinaryComplex: return "TYPE_BINARY_COMPLEX";
      case kString: return "TYPE_STRING";
      case kUnicode: return "TYPE_UNICODE";
      case kInterned: return "TYPE_INTERNED";
      case kAscii: return "TYPE_ASCII";
      case kAsciiInterned: return "TYPE_ASCII_INTERNED";
      case kShortAscii: return "TYPE_SHORT_ASCII";
      case kShortAsciiInterned: return "TYPE_SHORT_ASCII_INTERNED";
      case kSmallTuple: return "TYPE_SMALL_TUPLE";
      case kTuple: return "TYPE_TUPLE";
      case kFrozenset: return "TYPE_FROZENSET";
      default: return "type";
    }
  }

  static std::string brief(const Const& c) {
    if (c.kind == Const::Kind::kCode) return "<code object " + c.code->name + ">";
    std::string r = c.repr();
    if (r.size() > 60) r = r.substr(0, 57) + "...";
    return r;
  }

  bool names(std::vector<std::string>* out, const std::string& label) {
    Const t;
    if (!object(&t, label)) return false;
    if (t.kind != Const::Kind::kTuple) return fail("bad marshal data (" + label + " is not a tuple)");
    for (const auto& i : t.items) {
      if (i.kind != Const::Kind::kStr) return fail("bad marshal data (" + label + " holds a non-str)");
      out->push_back(i.text);
    }
    return true;
  }

  bool bytes_field(std::string* out, const std::string& label) {
    Const t;
    if (!object(&t, label)) return false;
    if (t.kind != Const::Kind::kBytes) return fail("bad marshal data (" + label + " is not bytes)");
    *out = std::move(t.text);
    return true;
  }

  bool str_field(std::string* out, const std::string& label) {
    Const t;
    if (!object(&t, label)) return false;
    if (t.kind != Const::Kind::kStr) return fail("bad marshal data (" + label + " is not a str)");
    *out = std::move(t.text);
    return true;
  }

  bool int_field(int* out, const char* label) {
    size_t at = pos_;
    int32_t v;
    if (!i32(&v)) return false;
    *out = v;
    span(at, pos_, Span::Kind::kField, std::string(label) + " = " + std::to_string(v));
    return true;
  }

  bool code_object(Const* out, const std::string& label, size_t start) {
    auto co = std::make_shared<CodeObject>();
    int my_index = static_cast<int>(code_count_++);
    if (spans_) result_->codes.push_back(co);
    int outer_index = code_index_;
    code_index_ = my_index;
    size_t header_span = spans_ ? result_->spans.size() : 0;
    span(start, start + 1, Span::Kind::kCode, "TYPE_CODE: " + label);
    bool ok = int_field(&co->argcount, "co_argcount") && int_field(&co->posonlyargcount, "co_posonlyargcount") &&
              int_field(&co->kwonlyargcount, "co_kwonlyargcount") && int_field(&co->stacksize, "co_stacksize") &&
              int_field(&co->flags, "co_flags");
    std::string code_bytes, kinds, linetable, exctable;
    std::vector<std::string> plus;
    size_t code_start = pos_;
    ok = ok && bytes_field(&code_bytes, "co_code");
    if (ok) {
      if (code_bytes.size() % 2 != 0) return fail("bad marshal data (odd co_code length)");
      co->code.assign(code_bytes.begin(), code_bytes.end());
      instruction_spans(*co, code_start + 5);
    }
    Const consts;
    ok = ok && object(&consts, "co_consts");
    if (ok && consts.kind != Const::Kind::kTuple) return fail("bad marshal data (co_consts is not a tuple)");
    if (ok) co->consts = std::move(consts.items);
    ok = ok && names(&co->names, "co_names") && names(&plus, "co_localsplusnames") &&
         bytes_field(&kinds, "co_localspluskinds") && str_field(&co->filename, "co_filename") &&
         str_field(&co->name, "co_name") && str_field(&co->qualname, "co_qualname") &&
         int_field(&co->firstlineno, "co_firstlineno") && bytes_field(&linetable, "co_linetable") &&
         bytes_field(&exctable, "co_exceptiontable");
    code_index_ = outer_index;
    if (!ok) return false;
    if (kinds.size() != plus.size()) return fail("bad marshal data (co_localspluskinds does not match the names)");
    for (size_t i = 0; i < plus.size(); ++i) {
      auto k = static_cast<uint8_t>(kinds[i]);
      if (k & kFastLocal) co->varnames.push_back(plus[i]);
      if (k & kFastCell) co->cellvars.push_back(plus[i]);
      if (k & kFastFree) co->freevars.push_back(plus[i]);
    }
    if (co->localsplus() != plus) return fail("bad marshal data (co_localsplusnames out of order)");
    if (!decode_linetable(linetable, co->firstlineno, co->code.size() / 2, &co->positions)) {
      return fail("bad marshal data (co_linetable)");
    }
    if (!decode_exception_table(exctable, &co->exceptiontable)) return fail("bad marshal data (co_exceptiontable)");
    if (spans_) {
      result_->spans[header_span].what = "TYPE_CODE " + label + ": <code object " + co->name + ">";
      result_->spans[header_span].end = base_ + static_cast<uint32_t>(pos_);
      result_->spans[header_span].code_index = my_index;
    }
    out->kind = Const::Kind::kCode;
    out->code = co;
    return true;
  }

  // One span per instruction of co_code (its CACHE entries included).
  void instruction_spans(const CodeObject& co, size_t at) {
    if (!spans_) return;
    for (size_t i = 0; i + 1 < co.code.size();) {
      const compile::OpInfo& info = compile::op_info(co.code[i]);
      size_t len = 2 + 2 * static_cast<size_t>(info.caches);
      if (i + len > co.code.size()) len = co.code.size() - i;
      std::string name = info.name.empty() ? "<" + std::to_string(co.code[i]) + ">" : std::string(info.name);
      if (info.kind != compile::ArgKind::None) name += " " + std::to_string(co.code[i + 1]);
      if (info.caches) name += " + " + std::to_string(info.caches) + " CACHE";
      span(at + i, at + i + len, Span::Kind::kInstruction, name, static_cast<int>(i));
      i += len;
    }
  }

  struct RefSlot {
    Const value;
    bool filled = false;
  };

  std::string_view data_;
  uint32_t base_;
  ReadResult* result_;
  bool spans_;
  size_t pos_ = 0;
  int depth_ = 0;
  std::string error_;
  std::vector<RefSlot> refs_;
  size_t code_count_ = 0;
  int code_index_ = -1;
};

// ---- the line table -----------------------------------------------------------------------

void write_varint(std::string& out, unsigned v) {
  while (v >= 64) {
    out.push_back(static_cast<char>(64 | (v & 63)));
    v >>= 6;
  }
  out.push_back(static_cast<char>(v));
}

void write_signed_varint(std::string& out, int v) {
  write_varint(out, v < 0 ? (static_cast<unsigned>(-v) << 1) | 1 : static_cast<unsigned>(v) << 1);
}

bool read_varint(std::string_view t, size_t* i, unsigned* v) {
  unsigned r = 0;
  int shift = 0;
  while (true) {
    if (*i >= t.size() || shift > 30) return false;
    auto b = static_cast<uint8_t>(t[(*i)++]);
    r |= static_cast<unsigned>(b & 63) << shift;
    shift += 6;
    if (!(b & 64)) break;
  }
  *v = r;
  return true;
}

bool read_signed_varint(std::string_view t, size_t* i, int* v) {
  unsigned u;
  if (!read_varint(t, i, &u)) return false;
  *v = (u & 1) ? -static_cast<int>(u >> 1) : static_cast<int>(u >> 1);
  return true;
}

}  // namespace

std::string encode_linetable(const CodeObject& code) {
  std::string out;
  int line = code.firstlineno;
  size_t units = code.code.size() / 2;
  for (size_t i = 0; i < units;) {
    // One instruction and its CACHE entries share a location.
    size_t size = 1 + compile::op_info(code.code[2 * i]).caches;
    if (i + size > units) size = units - i;
    Position p = i < code.positions.size() ? code.positions[i] : Position{};
    i += size;
    while (size > 0) {
      size_t n = size > 8 ? 8 : size;
      size -= n;
      auto head = [&](int kind) { out.push_back(static_cast<char>(0x80 | (kind << 3) | static_cast<int>(n - 1))); };
      if (p.line < 0) {
        head(15);
        continue;
      }
      int delta = p.line - line;
      if (p.col < 0 || p.end_col < 0) {
        if (p.end_line == p.line || p.end_line == -1) {
          head(13);
          write_signed_varint(out, delta);
          line = p.line;
          continue;
        }
      } else if (p.end_line == p.line) {
        if (delta == 0 && p.col < 80 && p.end_col - p.col < 16 && p.end_col >= p.col) {
          head(p.col / 8);
          out.push_back(static_cast<char>(((p.col % 8) << 4) | (p.end_col - p.col)));
          continue;
        }
        if (delta >= 0 && delta < 3 && p.col < 128 && p.end_col < 128) {
          head(10 + delta);
          out.push_back(static_cast<char>(p.col));
          out.push_back(static_cast<char>(p.end_col));
          line = p.line;
          continue;
        }
      }
      head(14);
      write_signed_varint(out, delta);
      write_varint(out, static_cast<unsigned>(p.end_line - p.line));
      write_varint(out, static_cast<unsigned>(p.col + 1));
      write_varint(out, static_cast<unsigned>(p.end_col + 1));
      line = p.line;
    }
  }
  return out;
}

bool decode_linetable(std::string_view t, int firstlineno, size_t code_units, std::vector<Position>* out) {
  out->clear();
  int line = firstlineno;
  size_t i = 0;
  while (i < t.size()) {
    auto first = static_cast<uint8_t>(t[i++]);
    if (!(first & 0x80)) return false;
    int kind = (first >> 3) & 15;
    size_t n = (first & 7) + 1;
    Position p;
    if (kind == 15) {
      // no location
    } else if (kind == 14) {
      int delta;
      unsigned end_delta, col, end_col;
      if (!read_signed_varint(t, &i, &delta) || !read_varint(t, &i, &end_delta) || !read_varint(t, &i, &col) ||
          !read_varint(t, &i, &end_col)) {
        return false;
      }
      line += delta;
      p = {line, line + static_cast<int>(end_delta), static_cast<int>(col) - 1, static_cast<int>(end_col) - 1};
    } else if (kind == 13) {
      int delta;
      if (!read_signed_varint(t, &i, &delta)) return false;
      line += delta;
      p = {line, line, -1, -1};
    } else if (kind >= 10) {
      if (i + 2 > t.size()) return false;
      line += kind - 10;
      auto col = static_cast<uint8_t>(t[i]), end = static_cast<uint8_t>(t[i + 1]);
      i += 2;
      p = {line, line, col, end};
    } else {
      if (i >= t.size()) return false;
      auto b = static_cast<uint8_t>(t[i++]);
      int col = kind * 8 + ((b >> 4) & 7);
      p = {line, line, col, col + (b & 15)};
    }
    for (size_t k = 0; k < n; ++k) out->push_back(p);
    if (out->size() > code_units) return false;
  }
  out->resize(code_units);  // units past the table have no location
  return true;
}

namespace {

void write_except_item(std::string& out, unsigned value, uint8_t msb) {
  for (int shift = 24; shift > 0; shift -= 6) {
    if (value >= (1u << shift)) {
      out.push_back(static_cast<char>(((value >> shift) & 0x3F) | 0x40 | msb));
      msb = 0;
    }
  }
  out.push_back(static_cast<char>((value & 0x3F) | msb));
}

bool read_except_item(std::string_view t, size_t* i, unsigned* v, bool first) {
  if (*i >= t.size()) return false;
  auto b = static_cast<uint8_t>(t[(*i)++]);
  if (((b & 0x80) != 0) != first) return false;
  unsigned r = b & 63;
  int guard = 0;
  while (b & 64) {
    if (*i >= t.size() || ++guard > 5) return false;
    b = static_cast<uint8_t>(t[(*i)++]);
    if (b & 0x80) return false;
    r = (r << 6) | (b & 63);
  }
  *v = r;
  return true;
}

}  // namespace

std::string encode_exception_table(const std::vector<ExceptionEntry>& entries) {
  std::string out;
  for (const auto& e : entries) {
    write_except_item(out, static_cast<unsigned>(e.start), 0x80);
    write_except_item(out, static_cast<unsigned>(e.end - e.start), 0);
    write_except_item(out, static_cast<unsigned>(e.target), 0);
    write_except_item(out, static_cast<unsigned>(e.depth << 1 | (e.lasti ? 1 : 0)), 0);
  }
  return out;
}

bool decode_exception_table(std::string_view t, std::vector<ExceptionEntry>* out) {
  out->clear();
  size_t i = 0;
  while (i < t.size()) {
    unsigned start, length, target, dl;
    if (!read_except_item(t, &i, &start, true) || !read_except_item(t, &i, &length, false) ||
        !read_except_item(t, &i, &target, false) || !read_except_item(t, &i, &dl, false)) {
      return false;
    }
    ExceptionEntry e;
    e.start = static_cast<int>(start);
    e.end = static_cast<int>(start + length);
    e.target = static_cast<int>(target);
    e.depth = static_cast<int>(dl >> 1);
    e.lasti = (dl & 1) != 0;
    out->push_back(e);
  }
  return true;
}

// ---- verification -------------------------------------------------------------------------

namespace {

std::string verify_one(const CodeObject& co) {
  using compile::ArgKind;
  using compile::Op;
  const size_t units = co.code.size() / 2;
  if (co.code.empty() || co.code.size() % 2) return "co_code is empty or odd";
  if (co.positions.size() != units) return "the line table does not cover co_code";
  if (co.stacksize < 0 || co.stacksize > 100000) return "co_stacksize out of range";
  const size_t nlocals = co.localsplus().size();
  // Instruction starts and full arguments (EXTENDED_ARG folded in).
  std::vector<int> arg_of(units, -1);
  std::vector<bool> start(units, false);
  int extended = 0;
  for (size_t u = 0; u < units;) {
    uint8_t op = co.code[2 * u];
    const compile::OpInfo& info = compile::op_info(op);
    if (info.name.empty() || op == static_cast<uint8_t>(Op::CACHE)) {
      return "unknown opcode " + std::to_string(op) + " at offset " + std::to_string(2 * u);
    }
    start[u] = true;
    int arg = co.code[2 * u + 1] | extended;
    extended = op == static_cast<uint8_t>(Op::EXTENDED_ARG) ? arg << 8 : 0;
    if (extended > (1 << 24)) return "EXTENDED_ARG overflow";
    arg_of[u] = arg;
    u += 1 + info.caches;
    if (u > units) return "an instruction's CACHE entries run past co_code";
  }
  auto bad = [&](size_t u, const std::string& why) {
    return std::string(compile::op_info(co.code[2 * u]).name) + " at offset " + std::to_string(2 * u) + ": " + why;
  };
  // Arguments that index tables.
  for (size_t u = 0; u < units; ++u) {
    if (!start[u]) continue;
    auto op = static_cast<Op>(co.code[2 * u]);
    const compile::OpInfo& info = compile::op_info(co.code[2 * u]);
    size_t arg = static_cast<size_t>(arg_of[u]);
    switch (info.kind) {
      case ArgKind::Const:
        if (arg >= co.consts.size()) return bad(u, "constant index out of range");
        if (op == Op::KW_NAMES) {
          const Const& k = co.consts[arg];
          if (k.kind != Const::Kind::kTuple) return bad(u, "not a tuple of names");
          for (const auto& i : k.items) {
            if (i.kind != Const::Kind::kStr) return bad(u, "not a tuple of names");
          }
        }
        break;
      case ArgKind::Name:
        if ((op == Op::LOAD_GLOBAL ? arg >> 1 : arg) >= co.names.size()) return bad(u, "name index out of range");
        break;
      case ArgKind::Local:
      case ArgKind::Free:
        if (arg >= nlocals) return bad(u, "local index out of range");
        break;
      case ArgKind::JumpForward:
      case ArgKind::JumpBackward: {
        long target = static_cast<long>(u) + 1 + (info.kind == ArgKind::JumpForward ? 1 : -1) * static_cast<long>(arg);
        if (target < 0 || static_cast<size_t>(target) >= units || !start[static_cast<size_t>(target)]) {
          return bad(u, "jump target out of range");
        }
        break;
      }
      case ArgKind::Compare:
        if (arg > 5) return bad(u, "unknown comparison");
        break;
      case ArgKind::BinaryOp:
        if (arg > 25) return bad(u, "unknown operator");
        break;
      default:
        break;
    }
    if ((op == Op::RAISE_VARARGS && arg > 2) || (op == Op::BUILD_SLICE && arg != 2 && arg != 3) ||
        (op == Op::MAKE_FUNCTION && arg > 15) || (op == Op::COPY_FREE_VARS && arg > co.freevars.size()) ||
        ((op == Op::IS_OP || op == Op::CONTAINS_OP || op == Op::CALL_FUNCTION_EX) && arg > 1) ||
        ((op == Op::COPY || op == Op::SWAP) && arg == 0)) {
      return bad(u, "argument out of range");
    }
  }
  for (const auto& e : co.exceptiontable) {
    if (e.start < 0 || e.start >= e.end || static_cast<size_t>(e.end) > units || e.target < 0 ||
        static_cast<size_t>(e.target) >= units || !start[static_cast<size_t>(e.target)] || e.depth < 0) {
      return "exception table entry out of range";
    }
  }
  // Operand stack depths: every path, as the compiler's stackdepth().
  std::vector<int> depth(units, -1);
  std::vector<size_t> work;
  std::string why;
  auto reach = [&](size_t u, int d) {
    if (d < 0 || d > co.stacksize) {
      why = "operand stack " + std::string(d < 0 ? "underflow" : "beyond co_stacksize") + " at offset " +
            std::to_string(2 * u);
      return false;
    }
    if (depth[u] == -1) {
      depth[u] = d;
      work.push_back(u);
    } else if (depth[u] != d) {
      why = "inconsistent operand stack depth at offset " + std::to_string(2 * u);
      return false;
    }
    return true;
  };
  if (!reach(0, 0)) return why;
  for (const auto& e : co.exceptiontable) {
    if (!reach(static_cast<size_t>(e.target), e.depth + (e.lasti ? 1 : 0) + 1)) return why;
  }
  while (!work.empty()) {
    size_t u = work.back();
    work.pop_back();
    auto op = static_cast<Op>(co.code[2 * u]);
    const compile::OpInfo& info = compile::op_info(co.code[2 * u]);
    int arg = arg_of[u];
    int d = depth[u];
    // dis's accounting moves a call's arguments off the stack at PRECALL.
    int needs = op == Op::PRECALL ? arg + 2 : op == Op::CALL ? 2 : compile::stack_pops(op, arg, false);
    if (needs > d) return bad(u, "operand stack underflow");
    if ((op == Op::COPY || op == Op::SWAP || op == Op::LIST_APPEND || op == Op::SET_ADD ||
         op == Op::LIST_EXTEND || op == Op::SET_UPDATE || op == Op::DICT_UPDATE || op == Op::DICT_MERGE) &&
        arg > d) {
      return bad(u, "reaches below the operand stack");
    }
    if ((op == Op::MAP_ADD && arg + 1 > d) || (op == Op::RERAISE && arg + 1 > d)) {
      return bad(u, "reaches below the operand stack");
    }
    for (const auto& e : co.exceptiontable) {
      if (static_cast<int>(u) >= e.start && static_cast<int>(u) < e.end && e.depth > d) {
        return bad(u, "an exception handler's depth is above the operand stack");
      }
    }
    size_t next = u + 1 + info.caches;
    bool jumps = info.kind == ArgKind::JumpForward || info.kind == ArgKind::JumpBackward;
    if (jumps) {
      size_t target = info.kind == ArgKind::JumpForward ? u + 1 + static_cast<size_t>(arg) : u + 1 - static_cast<size_t>(arg);
      if (!reach(target, d + compile::stack_effect(op, arg, true))) return why;
    }
    bool ends = op == Op::RETURN_VALUE || op == Op::RAISE_VARARGS || op == Op::RERAISE ||
                op == Op::JUMP_FORWARD || op == Op::JUMP_BACKWARD || op == Op::JUMP_BACKWARD_NO_INTERRUPT;
    if (ends) continue;
    if (next >= units) return bad(u, "runs off the end of co_code");
    // RETURN_GENERATOR's frame resumes with the value sent in on the stack
    // (the compiler adds it and its POP_TOP after computing stack sizes).
    int effect = op == Op::RETURN_GENERATOR ? 1 : compile::stack_effect(op, arg, false);
    if (!reach(next, d + effect)) return why;
  }
  return "";
}

}  // namespace

std::string verify_code(const CodeObject& code) {
  std::string why = verify_one(code);
  if (!why.empty()) return "code object " + code.name + ": " + why;
  for (const auto& c : code.consts) {
    if (c.kind == Const::Kind::kCode) {
      std::string inner = verify_code(*c.code);
      if (!inner.empty()) return inner;
    }
  }
  return "";
}

std::string hash_hex(uint64_t hash) {
  static const char kDigits[] = "0123456789abcdef";
  std::string out;
  for (int i = 0; i < 8; ++i) {
    auto b = static_cast<uint8_t>(hash >> (8 * i));
    out.push_back(kDigits[b >> 4]);
    out.push_back(kDigits[b & 15]);
  }
  return out;
}

Header header_for(Mode mode, std::string_view source, int64_t mtime) {
  Header h;
  h.flags = mode == Mode::kCheckedHash ? kHashBased | kCheckSource : mode == Mode::kUncheckedHash ? kHashBased : 0;
  if (h.hash_based()) {
    h.hash = source_hash(kPylifeMagic, source);
  } else {
    // CPython keeps both modulo 2**32.
    h.mtime = static_cast<uint32_t>(mtime);
    h.source_size = static_cast<uint32_t>(source.size());
  }
  return h;
}

std::string magic_version(uint16_t magic) {
  if (magic == kPylifeMagic) return "pylife 3.11";
  struct Range {
    uint16_t lo, hi;
    const char* version;
  };
  // importlib/_bootstrap_external.py's history of MAGIC_NUMBER.
  static constexpr Range kRanges[] = {
      {3000, 3131, "3.0"},  {3140, 3151, "3.1"},  {3160, 3180, "3.2"},  {3190, 3230, "3.3"},
      {3250, 3310, "3.4"},  {3320, 3351, "3.5"},  {3360, 3379, "3.6"},  {3390, 3394, "3.7"},
      {3400, 3413, "3.8"},  {3420, 3425, "3.9"},  {3430, 3439, "3.10"}, {3450, 3495, "3.11"},
      {3500, 3531, "3.12"}, {3550, 3571, "3.13"}, {3600, 3625, "3.14"},
  };
  for (const auto& r : kRanges) {
    if (magic >= r.lo && magic <= r.hi) return r.version;
  }
  if (magic >= 20121 && magic <= 62211) return "2.x";
  return "";
}

uint64_t source_hash(uint16_t magic, std::string_view source) {
  // The key is the whole magic word, "\r\n" included (_RAW_MAGIC_NUMBER).
  uint64_t key = magic | (uint64_t{0x0A0D} << 16);
  return hash::siphash13(key, 0, reinterpret_cast<const uint8_t*>(source.data()), source.size());
}

std::string marshal_code(const CodeObject& code) {
  Writer w;
  w.code(code);
  return w.out;
}

ReadResult unmarshal_code(std::string_view bytes, bool want_spans, uint32_t base) {
  ReadResult r;
  Reader reader(bytes, base, &r, want_spans);
  Const c;
  if (!reader.object(&c, "module") || reader.failed()) {
    r.error = reader.error();
    return r;
  }
  if (c.kind != Const::Kind::kCode) {
    r.error = "bad marshal data (the .pyc does not hold a code object)";
    return r;
  }
  r.code = c.code;
  r.consumed = reader.pos();
  r.ok = true;
  return r;
}

std::string write_pyc(const Header& h, const CodeObject& code) {
  Writer w;
  w.u16(h.magic);
  w.byte('\r');
  w.byte('\n');
  w.u32(h.flags);
  if (h.hash_based()) {
    w.u64(h.hash);
  } else {
    w.u32(h.mtime);
    w.u32(h.source_size);
  }
  w.code(code);
  if (h.magic == kPylifeMagic) {
    uint32_t crc = hash::crc32(reinterpret_cast<const uint8_t*>(w.out.data()), w.out.size());
    w.raw(kTrailerTag);
    w.u32(crc);
  }
  return w.out;
}

bool read_header(std::string_view b, Header* h) {
  if (b.size() < 16) return false;
  auto u32 = [&](size_t at) {
    uint32_t v = 0;
    for (int i = 3; i >= 0; --i) v = (v << 8) | static_cast<uint8_t>(b[at + static_cast<size_t>(i)]);
    return v;
  };
  h->magic = static_cast<uint16_t>(u32(0) & 0xFFFF);
  h->flags = u32(4);
  h->mtime = u32(8);
  h->source_size = u32(12);
  h->hash = (static_cast<uint64_t>(u32(12)) << 32) | u32(8);
  return true;
}

ReadResult read_pyc(std::string_view bytes, bool want_spans) {
  ReadResult r;
  Header h;
  if (!read_header(bytes, &h)) {
    r.error = "truncated header: " + std::to_string(bytes.size()) + " bytes (a .pyc starts with 16)";
    return r;
  }
  if (bytes[2] != '\r' || bytes[3] != '\n' || magic_version(h.magic).empty()) {
    r.header = h;
    r.error = "bad magic number " + std::to_string(h.magic) + " (not a .pyc file pylife knows)";
    return r;
  }
  if (h.flags & ~(kHashBased | kCheckSource)) {
    r.header = h;
    r.error = "invalid flags " + std::to_string(h.flags);
    return r;
  }
  std::string_view body = bytes.substr(16);
  if (h.magic == kPylifeMagic) {
    size_t n = bytes.size();
    bool tagged = n >= 16 + kTrailerSize && bytes.substr(n - kTrailerSize, 4) == kTrailerTag;
    uint32_t stored = 0;
    for (size_t i = 0; tagged && i < 4; ++i) stored |= static_cast<uint32_t>(static_cast<uint8_t>(bytes[n - 4 + i])) << (8 * i);
    if (!tagged || stored != hash::crc32(reinterpret_cast<const uint8_t*>(bytes.data()), n - kTrailerSize)) {
      r.header = h;
      r.error = tagged ? "check trailer mismatch: the file was changed after pylife wrote it"
                       : "no check trailer: the file is truncated or was not written by pylife";
      return r;
    }
    body = bytes.substr(16, n - 16 - kTrailerSize);
  }
  r = unmarshal_code(body, want_spans, 16);
  r.header = h;
  if (r.ok && want_spans && h.magic == kPylifeMagic) {
    auto n = static_cast<uint32_t>(bytes.size());
    r.spans.push_back({n - 8, n - 4, 0, Span::Kind::kTrailer, "pylife check tag \"pylc\""});
    r.spans.push_back({n - 4, n, 0, Span::Kind::kTrailer, "CRC-32 of the bytes before the tag"});
  }
  if (r.ok && h.magic == kPylifeMagic && 16 + kTrailerSize + r.consumed != bytes.size()) {
    r.ok = false;
    r.error = "extra data after the code object";
  }
  if (want_spans) {
    std::vector<Span> head;
    head.push_back({0, 4, 0, Span::Kind::kHeader, "magic number " + std::to_string(h.magic) + " + \\r\\n (" + magic_version(h.magic) + ")"});
    std::string flags = h.flags == 0 ? "timestamp-based" : h.flags & kCheckSource ? "hash-based, checked" : "hash-based, unchecked";
    head.push_back({4, 8, 0, Span::Kind::kHeader, "flags " + std::to_string(h.flags) + " (" + flags + ")"});
    if (h.hash_based()) {
      head.push_back({8, 16, 0, Span::Kind::kHeader, "source hash " + hash_hex(h.hash)});
    } else {
      head.push_back({8, 12, 0, Span::Kind::kHeader, "source mtime " + std::to_string(h.mtime)});
      head.push_back({12, 16, 0, Span::Kind::kHeader, "source size " + std::to_string(h.source_size)});
    }
    r.spans.insert(r.spans.begin(), head.begin(), head.end());
  }
  return r;
}

// "2023-11-14 22:13:20 UTC" for seconds since the epoch.
namespace {

std::string utc_time(uint32_t seconds) {
  // Howard Hinnant's civil_from_days.
  int64_t days = seconds / 86400, rem = seconds % 86400;
  int64_t z = days + 719468, era = z / 146097, doe = z - era * 146097;
  int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100), mp = (5 * doy + 2) / 153;
  int64_t d = doy - (153 * mp + 2) / 5 + 1, m = mp < 10 ? mp + 3 : mp - 9, y = yoe + era * 400 + (m <= 2);
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04lld-%02lld-%02lld %02lld:%02lld:%02lld UTC", static_cast<long long>(y),
                static_cast<long long>(m), static_cast<long long>(d), static_cast<long long>(rem / 3600),
                static_cast<long long>(rem / 60 % 60), static_cast<long long>(rem % 60));
  return buf;
}

}  // namespace

std::string describe_header(const Header& h) {
  std::string v = magic_version(h.magic);
  char buf[64];
  std::string out = "magic: " + std::to_string(h.magic) + " (" + (v.empty() ? "unknown" : "Python " + v) + ")\n";
  if (h.magic == kPylifeMagic) out = "magic: " + std::to_string(h.magic) + " (pylife, Python 3.11)\n";
  std::snprintf(buf, sizeof buf, "0x%08x", h.flags);
  out += "flags: " + std::string(buf);
  if (!h.hash_based()) {
    out += " (timestamp-based)\n";
    out += "mtime: " + std::to_string(h.mtime) + " (" + utc_time(h.mtime) + ")\n";
    out += "source size: " + std::to_string(h.source_size) + "\n";
  } else {
    out += (h.flags & kCheckSource) ? " (hash-based, checked)\n" : " (hash-based, unchecked)\n";
    out += "source hash: " + hash_hex(h.hash) + "\n";
  }
  return out;
}

std::string cache_path(std::string_view source_path) {
  std::string p(source_path);
  auto slash = p.rfind('/');
  std::string dir = slash == std::string::npos ? "" : p.substr(0, slash + 1);
  std::string file = slash == std::string::npos ? p : p.substr(slash + 1);
  auto dot = file.rfind('.');
  std::string stem = dot == std::string::npos ? file : file.substr(0, dot);
  return dir + "__pycache__/" + stem + "." + std::string(kCacheTag) + ".pyc";
}

}  // namespace pylife::pyc
