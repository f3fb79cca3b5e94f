// str method algorithms against CPython 3.11 (tests/golden/str_methods.txt).
#include <catch2/catch.hpp>

#include <sstream>
#include <variant>

#include "golden.h"
#include "pylife/pystr.h"
#include "pylife/unicode.h"

namespace str = pylife::runtime::pystr;
using pylife::unicode::decode_utf8;
using pylife::unicode::encode_utf8;

namespace {

// A decoded golden value (see scripts/golden/str_methods.py).
struct Value {
  char kind = 'N';  // N, B, I, S, L
  int64_t number = 0;
  std::u32string text;
  std::vector<Value> items;
};

std::vector<Value> parse_list(const std::string& text);

Value parse_value(const std::string& t) {
  Value v;
  v.kind = t.empty() ? 'N' : t[0];
  if (v.kind == 'I') v.number = std::stoll(t.substr(1));
  if (v.kind == 'B') v.number = t[1] == '1';
  if (v.kind == 'S') v.text = decode_utf8(pylife::test::unhex(t.substr(1)));
  if (v.kind == 'L') v.items = parse_list(t.substr(1));
  return v;
}

std::vector<Value> parse_list(const std::string& text) {
  std::vector<Value> out;
  if (text.empty()) return out;
  std::istringstream in(text);
  for (std::string item; std::getline(in, item, ',');) out.push_back(parse_value(item));
  if (text.back() == ',') out.push_back(parse_value(""));
  return out;
}

std::string show(const Value& v) {
  switch (v.kind) {
    case 'I': return std::to_string(v.number);
    case 'B': return v.number ? "True" : "False";
    case 'S': return "'" + encode_utf8(v.text) + "'";
    case 'L': {
      std::string s = "[";
      for (const auto& i : v.items) s += show(i) + ", ";
      return s + "]";
    }
    default: return "None";
  }
}

Value of(const std::u32string& s) {
  return Value{'S', 0, s, {}};
}
Value of(int64_t n) {
  return Value{'I', n, {}, {}};
}
Value of_bool(bool b) {
  return Value{'B', b ? 1 : 0, {}, {}};
}
Value of(const std::vector<std::u32string>& list) {
  Value v{'L', 0, {}, {}};
  for (const auto& s : list) v.items.push_back(of(s));
  return v;
}

std::optional<std::u32string> opt_str(const Value& v) {
  if (v.kind == 'N') return std::nullopt;
  return v.text;
}
str::Bound bound(const Value& v) {
  if (v.kind == 'N') return std::nullopt;
  return v.number;
}

}  // namespace

TEST_CASE("str methods match CPython", "[str][golden]") {
  std::istringstream rows(pylife::test::read_repo_file("tests/golden/str_methods.txt"));
  std::string line;
  int checked = 0;
  while (std::getline(rows, line)) {
    std::istringstream fields(line);
    std::string method, s_text, args_text, want_text;
    std::getline(fields, method, '\t');
    std::getline(fields, s_text, '\t');
    std::getline(fields, args_text, '\t');
    std::getline(fields, want_text);
    std::u32string s = parse_value(s_text).text;
    std::vector<Value> a = parse_list(args_text);
    Value want = parse_value(want_text);
    Value got;
    if (method == "split")
      got = of(str::split(s, opt_str(a[0]), a[1].number));
    else if (method == "rsplit")
      got = of(str::rsplit(s, opt_str(a[0]), a[1].number));
    else if (method == "splitlines")
      got = of(str::splitlines(s, a[0].number != 0));
    else if (method == "strip")
      got = of(str::strip(s, opt_str(a[0])));
    else if (method == "lstrip")
      got = of(str::lstrip(s, opt_str(a[0])));
    else if (method == "rstrip")
      got = of(str::rstrip(s, opt_str(a[0])));
    else if (method == "find")
      got = of(str::find(s, a[0].text, bound(a[1]), bound(a[2])));
    else if (method == "rfind")
      got = of(str::rfind(s, a[0].text, bound(a[1]), bound(a[2])));
    else if (method == "count")
      got = of(str::count(s, a[0].text, bound(a[1]), bound(a[2])));
    else if (method == "startswith")
      got = of_bool(str::startswith(s, a[0].text, bound(a[1]), bound(a[2])));
    else if (method == "endswith")
      got = of_bool(str::endswith(s, a[0].text, bound(a[1]), bound(a[2])));
    else if (method == "replace")
      got = of(str::replace(s, a[0].text, a[1].text, a[2].number));
    else if (method == "partition")
      got = of(str::partition(s, a[0].text));
    else if (method == "rpartition")
      got = of(str::rpartition(s, a[0].text));
    else if (method == "expandtabs")
      got = of(str::expandtabs(s, a[0].number));
    else if (method == "center")
      got = of(str::center(s, a[0].number, a[1].text[0]));
    else if (method == "ljust")
      got = of(str::ljust(s, a[0].number, a[1].text[0]));
    else if (method == "rjust")
      got = of(str::rjust(s, a[0].number, a[1].text[0]));
    else if (method == "zfill")
      got = of(str::zfill(s, a[0].number));
    else
      FAIL("unknown method " << method);
    INFO(method << "('" << encode_utf8(s) << "', " << args_text << ")");
    CHECK(show(got) == show(want));
    ++checked;
  }
  CHECK(checked > 5000);
}
