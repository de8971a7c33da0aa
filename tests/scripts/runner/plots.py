"""TF1-era script that plots and calls plt.show() twice."""
import matplotlib.pyplot as plt

plt.plot([1, 2, 3], [3, 1, 2])
plt.title("loss")
plt.show()
plt.figure()
plt.plot([0, 1], [0, 1])
plt.figure()
plt.bar([1, 2], [2, 1])
plt.show()
print("RESULT {\"done\": true}")
