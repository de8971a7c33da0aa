"""Loading the sentence-polarity files and batching them, as the 2016 text-CNN tutorial did."""
import re

import numpy as np


def clean_str(string):
    string = re.sub(r"[^A-Za-z0-9(),!?\'`]", " ", string)
    string = re.sub(r"!", " ! ", string)
    string = re.sub(r",", " , ", string)
    string = re.sub(r"\s{2,}", " ", string)
    return string.strip().lower()


def load_data_and_labels(positive_data_file, negative_data_file):
    """Sentences and one-hot labels ([0, 1] positive, [1, 0] negative)."""
    positive = [line.strip() for line in open(positive_data_file, "r", encoding="utf-8")]
    negative = [line.strip() for line in open(negative_data_file, "r", encoding="utf-8")]
    x_text = [clean_str(sentence) for sentence in positive + negative]
    positive_labels = [[0, 1] for _ in positive]
    negative_labels = [[1, 0] for _ in negative]
    y = np.concatenate([positive_labels, negative_labels], 0)
    return x_text, y


def build_vocabulary(sentences, max_document_length):
    vocabulary = {"<pad>": 0}
    for sentence in sentences:
        for word in sentence.split(" "):
            vocabulary.setdefault(word, len(vocabulary))
    return vocabulary


def to_ids(sentences, vocabulary, max_document_length):
    ids = np.zeros((len(sentences), max_document_length), dtype=np.int)
    for row, sentence in enumerate(sentences):
        for column, word in enumerate(sentence.split(" ")[:max_document_length]):
            ids[row, column] = vocabulary.get(word, 0)
    return ids


def batch_iter(data, batch_size, num_epochs, shuffle=True):
    """A batch iterator over (x, y) pairs for num_epochs epochs."""
    data = np.array(data)
    data_size = len(data)
    num_batches_per_epoch = int((len(data) - 1) / batch_size) + 1
    for epoch in range(num_epochs):
        if shuffle:
            shuffle_indices = np.random.permutation(np.arange(data_size))
            shuffled_data = data[shuffle_indices]
        else:
            shuffled_data = data
        for batch_num in range(num_batches_per_epoch):
            start_index = batch_num * batch_size
            end_index = min((batch_num + 1) * batch_size, data_size)
            yield shuffled_data[start_index:end_index]
