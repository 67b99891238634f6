"""Thin Discord adapters: each turns an interaction into a core service call and the result into a reply."""
