// test_chat_python.cpp: the Python value semantics the chat template depends on, against CPython's own outputs
// (repr(float), json.dumps(ensure_ascii=False), str() of containers, str.strip()).
#include <gtest/gtest.h>

#include <string>

#include "text/chat_python.h"

using namespace lectern::text;

TEST(ChatPython, FloatRepr) {
  // Expected strings are CPython 3's repr() of the same doubles.
  EXPECT_EQ(python_float_repr(0.1), "0.1");
  EXPECT_EQ(python_float_repr(0.1 + 0.2), "0.30000000000000004");
  EXPECT_EQ(python_float_repr(1.0 / 3.0), "0.3333333333333333");
  EXPECT_EQ(python_float_repr(1.0), "1.0");
  EXPECT_EQ(python_float_repr(100.0), "100.0");
  EXPECT_EQ(python_float_repr(-0.0), "-0.0");
  EXPECT_EQ(python_float_repr(123456789.0), "123456789.0");
  EXPECT_EQ(python_float_repr(1e15), "1000000000000000.0");  // last fixed-notation power
  EXPECT_EQ(python_float_repr(1e16), "1e+16");
  EXPECT_EQ(python_float_repr(1e22), "1e+22");
  EXPECT_EQ(python_float_repr(123456789012345678.0), "1.2345678901234568e+17");
  EXPECT_EQ(python_float_repr(0.0001), "0.0001");  // last fixed-notation negative power
  EXPECT_EQ(python_float_repr(1e-5), "1e-05");
  EXPECT_EQ(python_float_repr(2.5e-5), "2.5e-05");
  EXPECT_EQ(python_float_repr(-1.5e-300), "-1.5e-300");
  EXPECT_EQ(python_float_repr(5e-324), "5e-324");
}

TEST(ChatPython, JsonDumpsLikePython) {
  Json v = Json::parse(R"({"a": "q\"\\\n\t\u0001\u007fé/", "b": [], "c": {}, "d": [1, 2.0, null, true, -0.0, 1e16]})");
  EXPECT_EQ(python_json_dumps(v),
            "{\"a\": \"q\\\"\\\\\\n\\t\\u0001\x7f\xc3\xa9/\", \"b\": [], \"c\": {}, "
            "\"d\": [1, 2.0, null, true, -0.0, 1e+16]}");
  // Key order is insertion order, not sorted.
  EXPECT_EQ(python_json_dumps(Json::parse(R"({"z": 1, "a": 2})")), "{\"z\": 1, \"a\": 2}");
  EXPECT_EQ(python_json_dumps(Json::parse("18446744073709551615")), "18446744073709551615");
  EXPECT_EQ(python_json_dumps(Json::parse("-9223372036854775808")), "-9223372036854775808");
}

TEST(ChatPython, StrLikePython) {
  EXPECT_EQ(python_str(Json(nullptr)), "None");
  EXPECT_EQ(python_str(Json(true)), "True");
  EXPECT_EQ(python_str(Json(false)), "False");
  EXPECT_EQ(python_str(Json(7)), "7");
  EXPECT_EQ(python_str(Json(2.0)), "2.0");
  EXPECT_EQ(python_str(Json("as is\n")), "as is\n");
  // Containers print as repr(): quotes chosen per string, non-printable characters escaped.
  EXPECT_EQ(python_str(Json::parse(R"({"a": [1, "x'y", null, true, 1.0, "a\"b"]})")),
            "{'a': [1, \"x'y\", None, True, 1.0, 'a\"b']}");
  EXPECT_EQ(python_str(Json::parse(R"(["x\u200b", "tab\t", "\u00a0", "😀", "é", "\u0085", "\udb40\udc01"])")),
            "['x\\u200b', 'tab\\t', '\\xa0', '\xf0\x9f\x98\x80', '\xc3\xa9', '\\x85', '\\U000e0001']");
  EXPECT_EQ(python_str(Json::parse(R"({"k'": "both ' and \""})")), "{\"k'\": 'both \\' and \"'}");
}

TEST(ChatPython, Truthiness) {
  for (const char* falsy : {"null", "false", "0", "0.0", "\"\"", "[]", "{}"})
    EXPECT_FALSE(python_truthy(Json::parse(falsy))) << falsy;
  for (const char* truthy : {"true", "1", "-1", "0.5", "\" \"", "[0]", "{\"a\": null}"})
    EXPECT_TRUE(python_truthy(Json::parse(truthy))) << truthy;
}

TEST(ChatPython, StripUsesUnicodeWhitespace) {
  EXPECT_EQ(python_strip("  a b \n\t"), "a b");
  EXPECT_EQ(python_strip("\u3000\u00a0\u2029x\u2028\u0085\x1c"), "x");
  EXPECT_EQ(python_strip("\u200bx\u200b"), "\u200bx\u200b");  // zero-width space is not whitespace in Python
  EXPECT_EQ(python_strip("é"), "é");
  EXPECT_EQ(python_strip(" \n "), "");
  EXPECT_EQ(python_strip(std::string_view("\xff x \xe3", 5)), std::string_view("\xff x \xe3", 5));  // invalid UTF-8 kept
  EXPECT_EQ(lstrip_chars("\n\nab\n", "\n"), "ab\n");
  EXPECT_EQ(rstrip_chars("\nab\n\n", "\n"), "\nab");
  EXPECT_EQ(rstrip_chars("\n\n", "\n"), "");
}
