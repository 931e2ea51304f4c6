"""Text in: the prompt syntax (weights, BREAK, prompt editing, AND) and the CLIP tokenizer that turns a prompt into
token ids. The text encoder that reads them is a network (course.nets.text_encoder)."""
